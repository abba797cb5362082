using Fashen.Store;
using Fashen.Store.PostgreSql;

namespace Fashen.Api.Tests.Store;

/// <summary>A store test run on both stores alike: <see cref="Open"/> gives the LiteDB store in a folder of the test's own, or
/// the PostgreSQL store in a schema of its own, and both are removed after the test.</summary>
public abstract class EitherStore : IDisposable
{
    private readonly string _schema = TestPostgreSql.NewSchema();
    private bool _usedPostgreSql;

    /// <summary>Gets the LiteDB store's data folder.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("fashen-store-").FullName;

    /// <summary>Gets the PostgreSQL store's schema.</summary>
    protected string Schema => _schema;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the store of a kind: litedb or postgresql.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The open store.</returns>
    protected IFashenStore Open(string kind)
    {
        if (kind == "postgresql")
        {
            _usedPostgreSql = true;
            return new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);
        }

        return new LiteDbStore(Folder);
    }

    /// <summary>Removes the folder and the schema.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        Directory.Delete(Folder, recursive: true);
        if (_usedPostgreSql)
        {
            TestPostgreSql.Drop(_schema);
        }
    }
}
