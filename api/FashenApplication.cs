using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Fashen.Api.Access;
using Fashen.Api.Catalogues;
using Fashen.Api.Classifications;
using Fashen.Api.DecisionPublication;
using Fashen.Api.Documents;
using Fashen.Api.Figures;
using Fashen.Api.Issuance;
using Fashen.Api.IssuedDecisions;
using Fashen.Api.Notifications;
using Fashen.Api.Opinions;
using Fashen.Api.Problems;
using Fashen.Api.Publication;
using Fashen.Api.Records;
using Fashen.Api.Reference;
using Fashen.Api.Reviews;
using Fashen.Engine.Access;
using Fashen.Engine.Documents;
using Fashen.Engine.Notifications;
using Fashen.Engine.Opinions;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Permits;
using Fashen.Engine.Publication;
using Fashen.Engine.Recording;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;
using Fashen.Grammar.Diagnostics;
using Fashen.ReviewUi;
using Fashen.ReviewUi.Access;
using Fashen.ReviewUi.Opinions;
using Fashen.Store;
using Fashen.Store.PostgreSql;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fashen.Api;

/// <summary>The composition root of the service: every dependency is chosen here, and nowhere else.</summary>
public static class FashenApplication
{
    /// <summary>Builds the service: configuration, storage, catalogues, authentication, endpoints.</summary>
    /// <param name="args">Command-line arguments, as configuration (--Fashen:DataFolder=…, --urls=…).</param>
    /// <param name="configure">Changes to the options after configuration is read, for <c>fashen serve</c>.</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args, Action<FashenOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Options: configuration first, then what the caller says.
        builder.Services.AddOptions<FashenOptions>().Bind(builder.Configuration.GetSection("Fashen")).PostConfigure(o => configure?.Invoke(o));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FashenOptions>>().Value);
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<FashenOptions>>((kestrel, fashen) =>
            kestrel.Limits.MaxRequestBodySize = fashen.Value.MaxRequestBodyBytes);

        // Time: the real clock, injected so the core never reads it directly.
        builder.Services.AddSingleton(TimeProvider.System);

        // Storage: one LiteDB file in the data folder, or a PostgreSQL database shared by several instances.
        builder.Services.AddSingleton(sp => StoreSettings(sp.GetRequiredService<FashenOptions>()).Open());
        builder.Services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<IFashenStore>());
        builder.Services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<IFashenStore>());

        // Catalogues, permits and the review workflow.
        builder.Services.AddSingleton<CatalogueProvider>();
        builder.Services.AddSingleton<ICatalogueSource>(sp => sp.GetRequiredService<CatalogueProvider>());
        builder.Services.AddHostedService<CatalogueWatcher>();
        builder.Services.AddSingleton<PublicSite>();
        builder.Services.AddSingleton<YearlyFiguresSource>();
        builder.Services.AddSingleton<IPermitSigner>(sp => new EcdsaPermitSigner(PermitKeys.LoadOrCreate(SharedKeys(sp), DataFolder(sp))));
        builder.Services.AddSingleton(sp => new ReviewOptions
        {
            MaxReviewFileBytes = sp.GetRequiredService<FashenOptions>().MaxReviewFileBytes,
            PublicationDeadline = PublicationDeadlines(sp.GetRequiredService<FashenOptions>()),
        });
        builder.Services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<IFashenStore>());

        // Classifications are answered before their record is written (within a fraction of a second, in groups); the
        // container disposes it before the store it writes to, which drains it at shutdown.
        builder.Services.AddSingleton<ClassificationRecorder>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<CaseFiles>();
        builder.Services.AddSingleton(sp => new OpinionPdf(sp.GetRequiredService<FashenOptions>().OpinionFont, sp.GetRequiredService<FashenOptions>().OpinionLatinFont));
        builder.Services.AddSingleton<IOpinionRenderer>(sp => sp.GetRequiredService<OpinionPdf>());
        builder.Services.AddSingleton<OpinionArchive>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IReviewStore>().Publications);
        builder.Services.AddSingleton(sp => new Publications(
            sp.GetRequiredService<IReviewStore>(), sp.GetRequiredService<IFashenStore>().Publications, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ReviewOptions>()));
        builder.Services.AddSingleton(sp => new SupervisorView(
            sp.GetRequiredService<ReviewService>(), sp.GetRequiredService<IReviewStore>(), sp.GetRequiredService<ReviewOptions>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new Webhooks(
            sp.GetRequiredService<IFashenStore>().Webhooks, sp.GetRequiredService<IReviewStore>(), sp.GetRequiredService<TimeProvider>(),
            WebhookKey.LoadOrCreate(SharedKeys(sp), DataFolder(sp)), sp.GetRequiredService<FashenOptions>().WebhookAllowLoopbackHttp));
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddHostedService<Reminders.ReminderScheduler>();

        // Authentication: case systems by API key, people by bearer token; tokens survive restarts.
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton(sp => new SignInThrottle(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<FashenOptions>(),
            sp.GetRequiredService<IFashenStore>().SignInFailures ?? new MemorySignInFailures()));
        builder.Services.AddSingleton<PasswordCheck>();
        builder.Services.AddSingleton<PeopleDirectory>();
        builder.Services.AddSingleton<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        builder.Services.AddSingleton<IAdministration, Administration>();
        builder.Services.AddDataProtection().SetApplicationName("fashen");
        builder.Services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IServiceProvider>((keys, sp) => keys.XmlRepository = SharedKeys(sp) is { } shared
                ? new SharedKeyXmlRepository(shared)
                : new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(DataFolder(sp), "token-keys")), sp.GetRequiredService<ILoggerFactory>()));
        // The API takes API keys and bearer tokens, never the pages' cookie: a form on another site can
        // make a browser send the cookie, but not a header.
        builder.Services.AddAuthentication("Fashen")
            .AddPolicyScheme("Fashen", "Fashen", o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme)
            .AddCookie(ReviewUiSetup.CookieScheme, ReviewUiSetup.ConfigureCookie);
        builder.Services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme).Configure<IOptions<FashenOptions>>((o, f) =>
            o.BearerTokenExpiration = f.Value.TokenLifetime);
        // The review pages: server-rendered, calling the same ReviewService as the endpoints.
        builder.Services.AddReviewUi();
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Each API caller (key, token, or address) gets its own token bucket, so one busy case system cannot starve the rest;
        // the public site's readers get one per address, so that a scraper cannot slow the register for everyone.
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<FashenOptions>>((limiter, fashen) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/v1") || context.Request.Path.StartsWithSegments("/public")
                    ? RateLimitPartition.GetTokenBucketLimiter(CallerPartition(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = fashen.Value.RequestBurst,
                        TokensPerPeriod = fashen.Value.RequestsPerSecond,
                        ReplenishmentPeriod = fashen.Value.RequestRefillPeriod,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = (rejected, _) =>
            {
                // A token comes back after one refill period: the earliest a retry can succeed.
                var refill = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<FashenOptions>>().Value.RequestRefillPeriod;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(refill.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ProblemResults.WriteAsync(rejected.HttpContext, ApiProblems.TooManyRequests()));
            };
        });

        // HTTP: problem+json for every error, readable Chinese in JSON, OpenAPI, health.
        builder.Services.AddProblemDetails();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

            // A key written twice is a body that means two things ({"version": 1, "version": 9}): refused, not the last one taken.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(ApiDocument.Configure);
        // The calendar check is one object, so that it writes its problem to the log once, not at every probe; the
        // health check service's own line per degraded probe is left out for the same reason (failures still show).
        builder.Services.AddSingleton<CalendarHealthCheck>();
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error);
        // Compressed answers (Brotli, else gzip) for JSON, pages, feeds and SVG charts. Left off over HTTPS at Kestrel, the default:
        // a page that carries a secret (the CSRF token) beside text a caller chose can leak it through the compressed length
        // (BREACH); where TLS ends at a proxy in front, the proxy decides.
        builder.Services.AddResponseCompression(o => o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
            .Concat(["application/problem+json", "application/atom+xml", "image/svg+xml"]));
        builder.Services.AddHealthChecks()
            .AddCheck("catalogues", () => HealthCheckResult.Healthy(), tags: ["ready"])
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<CalendarHealthCheck>("calendar", tags: ["ready"])
            .AddCheck<OpinionFontHealthCheck>("opinion_font", tags: ["ready"]);

        var app = builder.Build();
        Start(app);

        app.UseResponseCompression();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler(errors => errors.Run(HandleException));
        app.UseStatusCodePages(StatusCodePage);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Fashen v1");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "法审 Fashen API";
        });
        app.UseReviewUiAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Endpoints: one line per feature.
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        // Browsers ask for /favicon.ico whatever the page says; the icon is an SVG among the assets.
        app.MapDiagnosticsPage();
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        app.MapAuth().AddEndpointFilter<ValidationFilter>();
        app.MapWhoAmI();
        app.MapCatalogues();
        app.MapPublication();
        app.MapClassifications();
        app.MapReviews().AddEndpointFilter<ValidationFilter>();
        app.MapFiles();
        app.MapOpinions();
        app.MapWebhooks().AddEndpointFilter<ValidationFilter>();
        app.MapIssuance().AddEndpointFilter<ValidationFilter>();
        app.MapIssuedDecisions();
        app.MapDecisionPublication().AddEndpointFilter<ValidationFilter>();
        app.MapPublicRegister();
        app.MapPublicFigures();
        app.MapRecords();
        app.MapReviewUi();
        return app;
    }

    // API calls by header; the API's paths never by cookie; everything else is a page.
    private static string SchemeFor(HttpContext context) =>
        context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName
        : context.Request.Headers.Authorization.Count > 0 || context.Request.Path.StartsWithSegments("/v1") ? BearerTokenDefaults.AuthenticationScheme
        : ReviewUiSetup.CookieScheme;

    // The partition of a caller, by a digest of its credential (never the credential itself), else its address.
    private static string CallerPartition(HttpContext context)
    {
        var credential = context.Request.Headers[ApiKeyAuthenticationHandler.Header].ToString() is { Length: > 0 } key ? key
            : context.Request.Headers.Authorization.ToString();
        return credential.Length > 0
            ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(credential)))[..32]
            : "address:" + context.Connection.RemoteIpAddress;
    }

    // Headers that stop the pages being framed, sniffed or fed scripts from elsewhere. The API docs (Swagger UI)
    // run an inline script, so they get everything but the content policy.
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // No page needs the camera, microphone, location, payment or devices: refused outright, also to anything embedded.
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";

            // API answers carry cases and people: no browser or proxy keeps them, unless an endpoint says otherwise.
            if (context.Request.Path.StartsWithSegments("/v1") && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            if (context.Request.Path.StartsWithSegments("/v1/files") || IsReviewFile(context.Request.Path))
            {
                // A case file's PDFs, images and recordings are shown inside the review page (same origin only) and run nothing.
                headers.XFrameOptions = "SAMEORIGIN";
                headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
            }
            else if (!context.Request.Path.StartsWithSegments("/docs"))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    private static bool IsReviewFile(PathString path) =>
        (path.StartsWithSegments("/v1/reviews") || path.StartsWithSegments("/reviews")) && path.Value!.Contains("/files/", StringComparison.Ordinal);

    /// <summary>Where the service keeps its data, as configured.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The store's settings.</returns>
    public static StoreSettings StoreSettings(FashenOptions options) =>
        new(options.Store, Path.GetFullPath(options.DataFolder), options.PostgreSql, options.PostgreSqlSchema,
            new PostgreSqlTimeouts(options.PostgreSqlLockTimeout, options.PostgreSqlIdleInTransactionTimeout, options.PostgreSqlStatementTimeout));

    // The configured publication deadlines; a kind that is not one is refused at start, not passed over.
    private static PublicationDeadline PublicationDeadlines(FashenOptions options) => new(
        options.PublicationWorkingDays.ToDictionary(
            p => ActionKinds.TryParse(p.Key, out var kind) ? kind : throw new InvalidOperationException($"Fashen:PublicationWorkingDays 中的“{p.Key}”不是执法行为的类别（{ActionKinds.ChineseList}）。"),
            p => p.Value >= 1 ? p.Value : throw new InvalidOperationException($"Fashen:PublicationWorkingDays 中“{p.Key}”的工作日数应至少为 1。")),
        options.PublicationWorkingDaysOtherwise >= 1 ? options.PublicationWorkingDaysOtherwise : throw new InvalidOperationException("Fashen:PublicationWorkingDaysOtherwise 应至少为 1。"));

    private static string DataFolder(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<FashenOptions>().DataFolder);

    // The keys every instance on a shared store signs with, encrypted with the configured key-encryption key; null
    // when the store keeps none and keys are files in the data folder (one instance).
    private static EncryptedSharedKeys? SharedKeys(IServiceProvider services) =>
        services.GetRequiredService<IFashenStore>().SharedKeys is { } stored
            ? new EncryptedSharedKeys(stored, services.GetRequiredService<FashenOptions>().KeyEncryptionKey is { Length: > 0 } text ? EncryptedSharedKeys.ParseKey(text) : null)
            : null;

    // Loads the catalogues (a service with broken catalogues does not start), records it, and seeds the demo.
    private static void Start(WebApplication app)
    {
        var options = app.Services.GetRequiredService<FashenOptions>();
        Directory.CreateDirectory(DataFolder(app.Services));

        if (app.Services.GetRequiredService<IFashenStore>() is PostgreSqlStore { } database && database.MayAlterRecord())
        {
            app.Logger.LogWarning("服务以拥有全过程记录表的角色（或超级用户）连接 PostgreSQL：它能关掉只追加的触发器，数据库拒绝改动记录的保证不成立。请建一个迁移角色拥有模式，服务改用只有插入和读取权限的角色（fashen database migrate --grant-to，见 README）。");
        }

        // The shared keys are encrypted, and open, before anything signs with them.
        if (SharedKeys(app.Services) is { } shared)
        {
            KeysAtRest.Prepare(shared, app.Services.GetRequiredService<IFashenStore>(), app.Services.GetRequiredService<TimeProvider>(), app.Logger);
        }

        var provider = app.Services.GetRequiredService<CatalogueProvider>();
        var reload = provider.Reload();
        if (reload.Errors > 0)
        {
            throw new CataloguesNotLoadedException("目录清单有错误，服务没有启动：\n" + DiagnosticRenderer.Render(reload.Diagnostics, reload.Workspace.Source));
        }

        var service = app.Services.GetRequiredService<ReviewService>();
        service.RecordCatalogueLoad(new Caller(Engine.Records.Actor.System, new HashSet<Role> { Role.Admin }, [Caller.AllDepartments]), 0);
        if (options.Demo)
        {
            var departments = provider.Current.Departments.ToDictionary(d => d, d => provider.Current.Shown(d, service.Today)!.Catalogue.Name);
            var url = app.Urls.FirstOrDefault() ?? app.Configuration["urls"] ?? "http://127.0.0.1:5080";
            if (DemoSetup.Run(app.Services.GetRequiredService<IAccountStore>(), departments, DataFolder(app.Services), url) is { } text)
            {
                Console.WriteLine(text);
                Console.WriteLine($"以上账号和密钥也保存在 {Path.Combine(DataFolder(app.Services), DemoSetup.FileName)}。");
            }
        }
    }

    // A lock held by a stalled instance is released within the idle-in-transaction timeout (10 s by default); a database
    // restart takes seconds. Five seconds, then, for a retry likely to succeed without hammering a database coming back.
    private const string StoreRetryAfterSeconds = "5";

    private static async Task HandleException(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var options = context.RequestServices.GetRequiredService<FashenOptions>();
        if (error is StoreUnavailableException unavailable)
        {
            // Expected in an outage and answered retryable; logged as a warning with the database's reason, not as a fault.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Fashen.Store")
                .LogWarning("{Path}: 存储暂不可用（{MayHaveWritten}）：{Reason}", context.Request.Path, unavailable.MayHaveWritten ? "提交时中断，可能已写入" : "未写入", unavailable.Message);
            context.Response.Headers.RetryAfter = StoreRetryAfterSeconds;
            await ProblemResults.WriteAsync(context, ApiProblems.StoreUnavailable());
            return;
        }

        var problem = error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.BodyTooLarge(options.MaxRequestBodyBytes),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ApiProblems.UnsupportedMediaType(),
            BadHttpRequestException => ApiProblems.MalformedJson(),
            _ => ApiProblems.InternalError(Activity.Current?.Id ?? context.TraceIdentifier),
        };
        await ProblemResults.WriteAsync(context, problem);
    }

    private static Task StatusCodePage(StatusCodeContext context) => context.HttpContext.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => ProblemResults.WriteAsync(context.HttpContext, ApiProblems.Unauthenticated()),
        StatusCodes.Status403Forbidden => ProblemResults.WriteAsync(context.HttpContext, ApiProblems.Forbidden()),
        StatusCodes.Status404NotFound => ProblemResults.WriteAsync(context.HttpContext, ApiProblems.NotFound()),
        StatusCodes.Status405MethodNotAllowed => ProblemResults.WriteAsync(context.HttpContext, ApiProblems.MethodNotAllowed()),
        StatusCodes.Status415UnsupportedMediaType => ProblemResults.WriteAsync(context.HttpContext, ApiProblems.UnsupportedMediaType()),
        _ => Task.CompletedTask,
    };
}
