using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fashen.Api.Access;
using Fashen.Engine.Access;
using Fashen.Engine.Recording;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Fashen.Tests;

/// <summary>A real Fashen service for one test: Kestrel on a free loopback port, the sample catalogues,
/// a store of its own (a LiteDB file in a temporary data folder, or with FASHEN_TEST_STORE=postgresql a fresh
/// schema on the tests' PostgreSQL server), a clock the test moves, and known accounts and keys.</summary>
public sealed class FashenApp : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 in China: an ordinary working week.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public const string Password = "correct horse battery staple";

    private static readonly (string Username, string Name, Role Role, string[] Departments, bool FirstTime, bool Qualified)[] People =
    [
        ("admin", "法制办管理员", Role.Admin, ["*"], false, true),
        ("li.min", "李敏", Role.Reviewer, ["scjg", "sthj"], false, true),
        ("wang.fang", "王芳", Role.Reviewer, ["scjg"], false, true),
        ("wang.qiang", "王强", Role.Reviewer, ["scjg"], false, true),
        ("xin.ran", "辛然", Role.Reviewer, ["scjg"], true, false),
        ("zhao.lei", "赵磊", Role.Reviewer, ["nync"], false, true),
        // 应急管理局 has its head confirm opinions and its heads discuss serious cases (samples/catalogues/yjgl.yaml).
        ("chen.jing", "陈静", Role.Reviewer, ["yjgl"], false, true),
        ("zhang.head", "张主任", Role.Head, ["yjgl"], false, true),
        ("zhou.lawyer", "周律师", Role.Counsel, ["*"], false, true),
        ("sun.head", "孙局长", Role.Head, ["scjg", "sthj"], false, true),
        ("qian.head", "钱局长", Role.Head, ["nync"], false, true),
        ("jiang.jd", "蒋监督", Role.Supervisor, ["*"], false, true),
        // 承办人 the tests' submissions name: 王强 is wang.qiang in scjg (also a reviewer there, for separation of duties) and
        // another person of the same name elsewhere; 刘洋 handles cases everywhere.
        ("wang.qiang.2", "王强", Role.Handler, ["sthj", "yjgl", "zhzf", "jtys", "nync"], false, false),
        ("liu.yang", "刘洋", Role.Handler, ["*"], false, false),
    ];

    /// <summary>The environment variable choosing the store the suite runs against: litedb (default) or postgresql.</summary>
    public const string StoreVariable = "FASHEN_TEST_STORE";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly Dictionary<string, string> _keys;
    private readonly List<HttpClient> _clients = [];
    private readonly string? _catalogues;
    private readonly bool _watch;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private bool _stopped;
    private bool _sharesStore;

    private FashenApp(
        string dataFolder,
        FakeTimeProvider clock,
        Dictionary<string, string>? keys,
        string? catalogues = null,
        bool watch = false,
        IReadOnlyDictionary<string, string>? settings = null,
        string? schema = null)
    {
        _settings = settings;
        PostgreSqlSchema = schema ?? (StoreUnderTest == StoreKind.PostgreSql ? TestPostgreSql.NewSchema() : null);
        _catalogues = catalogues;
        _watch = watch;
        DataFolder = dataFolder;
        Clock = clock;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Fashen:DataFolder", dataFolder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(ErrorLog)));
            builder.UseSetting("Fashen:Catalogues", catalogues ?? Repository.Samples("catalogues"));
            builder.UseSetting("Fashen:Demo", "false");

            // Reminders are recorded on their own; the tests that want them send them (ReminderTests).
            builder.UseSetting("Fashen:Reminders", "false");
            if (PostgreSqlSchema is not null)
            {
                builder.UseSetting("Fashen:Store", nameof(StoreKind.PostgreSql));
                builder.UseSetting("Fashen:PostgreSql", TestPostgreSql.ConnectionString);
                builder.UseSetting("Fashen:PostgreSqlSchema", PostgreSqlSchema);
            }

            // Tests that change catalogue files watch their own copy (CatalogueReloadTests); the rest read the samples once.
            builder.UseSetting("Fashen:WatchCatalogues", watch ? "true" : "false");

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            // A free port, so that test classes running in parallel each get their own server.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        _keys = keys ?? Seed(Services.GetRequiredService<IAccountStore>());
    }

    /// <summary>Gets the store the suite runs against, from FASHEN_TEST_STORE.</summary>
    public static StoreKind StoreUnderTest { get; } =
        string.Equals(Environment.GetEnvironmentVariable(StoreVariable), "postgresql", StringComparison.OrdinalIgnoreCase) ? StoreKind.PostgreSql : StoreKind.LiteDb;

    public string DataFolder { get; }

    /// <summary>Gets what the service logged as errors: the reason behind an unexpected 500.</summary>
    public ServerErrorLog ErrorLog { get; } = new();

    /// <summary>Gets the PostgreSQL schema of this service's store, or null when it runs on LiteDB.</summary>
    public string? PostgreSqlSchema { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public IReviewStore Store => Services.GetRequiredService<IReviewStore>();

    /// <summary>Waits until every classification answered so far is in the record (classifications are recorded after
    /// their answers).</summary>
    public Task RecordedAsync() => Services.GetRequiredService<ClassificationRecorder>().FlushAsync();

    public static FashenApp Start() => new(Directory.CreateTempSubdirectory("fashen-api-").FullName, new FakeTimeProvider(Monday), null);

    /// <summary>Starts a service with some configuration changed (Fashen:RequestBurst = 3 …).</summary>
    public static FashenApp Start(IReadOnlyDictionary<string, string> settings) =>
        new(Directory.CreateTempSubdirectory("fashen-api-").FullName, new FakeTimeProvider(Monday), null, settings: settings);

    /// <summary>Starts a service on its own catalogue folder, watched for changes.</summary>
    public static FashenApp StartWatching(string catalogues) =>
        new(Directory.CreateTempSubdirectory("fashen-api-").FullName, new FakeTimeProvider(Monday), null, catalogues, watch: true);

    /// <summary>Starts a service on PostgreSQL, whichever store the suite runs against: for what only the shared store does.</summary>
    public static FashenApp StartOnPostgreSql(IReadOnlyDictionary<string, string>? settings = null) =>
        new(Directory.CreateTempSubdirectory("fashen-api-").FullName, new FakeTimeProvider(Monday), null, settings: settings, schema: TestPostgreSql.NewSchema());

    /// <summary>Stops this service and starts a new one on the same data folder, as after a restart.</summary>
    public async Task<FashenApp> RestartAsync()
    {
        var keys = _keys;
        await StopAsync();
        return new FashenApp(DataFolder, Clock, keys, _catalogues, _watch, _settings, PostgreSqlSchema);
    }

    /// <summary>Starts another instance on the same PostgreSQL schema, with its own data folder and port, as a
    /// second machine behind the load balancer: same accounts, same API keys, and the same clock unless it is given its own.</summary>
    public FashenApp StartAnotherInstance(IReadOnlyDictionary<string, string>? settings = null, FakeTimeProvider? clock = null) => PostgreSqlSchema is null
        ? throw new InvalidOperationException("Several instances need the PostgreSQL store.")
        : new(Directory.CreateTempSubdirectory("fashen-api-").FullName, clock ?? Clock, _keys, _catalogues, _watch, settings ?? _settings, PostgreSqlSchema) { _sharesStore = true };

    /// <summary>Stops the service but keeps its data folder.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        // The factory returns from DisposeAsync before the host has disposed its services; closing the
        // store first makes the data folder free when this returns, as it is after a real shutdown. The classifications
        // answered but not yet recorded are written first, as the host's own shutdown does.
        await Services.GetRequiredService<ClassificationRecorder>().DisposeAsync();
        Services.GetRequiredService<IFashenStore>().Dispose();
        await _factory.DisposeAsync();
    }

    public HttpClient Anonymous() => Track(new HttpClient { BaseAddress = BaseAddress });

    public HttpClient CaseSystem(string department)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", _keys[department]);
        return client;
    }

    public async Task<HttpClient> PersonAsync(string username)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/v1/auth/token", new { username, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (PostgreSqlSchema is not null && !_sharesStore)
        {
            TestPostgreSql.Drop(PostgreSqlSchema);
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background thread; the temp folder is cleaned by the system.
        }
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    private static Dictionary<string, string> Seed(IAccountStore accounts)
    {
        foreach (var (username, name, role, departments, firstTime, qualified) in People)
        {
            var account = new Account(username, username, name, string.Empty, [role], departments, firstTime, qualified, Disabled: false);
            accounts.SaveAccount(account with { PasswordHash = Credentials.HashPassword(account, Password) });
        }

        var keys = new Dictionary<string, string>();
        foreach (var department in new[] { "scjg", "sthj", "nync", "jtys", "yjgl" })
        {
            var (client, key) = Credentials.NewApiKey($"{department} 案件系统", [department]);
            accounts.SaveApiClient(client);
            keys[department] = key;
        }

        return keys;
    }
}
