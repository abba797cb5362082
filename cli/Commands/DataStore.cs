using Fashen.Api;
using Fashen.Store;
using Microsoft.Extensions.Configuration;

namespace Fashen.Cli.Commands;

/// <summary>The store the data commands (audit, accounts, keys) work on: the one the service is configured with
/// in the environment (Fashen__Store=PostgreSql, Fashen__PostgreSql, Fashen__PostgreSqlSchema), else the LiteDB
/// file in the --data folder.</summary>
internal static class DataStore
{
    public static StoreSettings Settings(CliContext context, string dataFolder) => FashenApplication.StoreSettings(Options(context, dataFolder));

    /// <summary>The service's options as the environment gives them.</summary>
    public static FashenOptions Options(CliContext context, string dataFolder)
    {
        var options = new FashenOptions();
        Configuration(context).GetSection("Fashen").Bind(options);
        options.DataFolder = context.Resolve(dataFolder);
        return options;
    }

    /// <summary>The environment as configuration (Fashen__X is Fashen:X).</summary>
    public static IConfiguration Configuration(CliContext context) => (context.Environment is { } given
        ? new ConfigurationBuilder().AddInMemoryCollection(given.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
        : new ConfigurationBuilder().AddEnvironmentVariables()).Build();

    public static IFashenStore Open(CliContext context, string dataFolder) => Settings(context, dataFolder).Open();
}
