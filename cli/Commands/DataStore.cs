using Fashen.Api;
using Fashen.Store;
using Microsoft.Extensions.Configuration;

namespace Fashen.Cli.Commands;

/// <summary>The store the data commands (audit, accounts, keys) work on: the one the service is configured with
/// in the environment (Fashen__Store=PostgreSql, Fashen__PostgreSql, Fashen__PostgreSqlSchema), else the LiteDB
/// file in the --data folder.</summary>
internal static class DataStore
{
    public static StoreSettings Settings(CliContext context, string dataFolder)
    {
        var options = new FashenOptions();
        var configuration = context.Environment is { } given
            ? new ConfigurationBuilder().AddInMemoryCollection(given.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            : new ConfigurationBuilder().AddEnvironmentVariables();
        configuration.Build().GetSection("Fashen").Bind(options);
        options.DataFolder = context.Resolve(dataFolder);
        return FashenApplication.StoreSettings(options);
    }

    public static IFashenStore Open(CliContext context, string dataFolder) => Settings(context, dataFolder).Open();
}
