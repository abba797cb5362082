using Fashen.Engine.Access;
using Fashen.Engine.Reviews;

namespace Fashen.Store;

/// <summary>A store Fashen can run on: the record and what is derived from it, accounts and API keys.</summary>
public interface IFashenStore : IReviewStore, IAccountStore, IDisposable
{
    /// <summary>Gets where the store keeps its data, for people: a file path, or a database and schema.</summary>
    string Location { get; }

    /// <summary>Gets the keys shared by every instance on this store, or null when keys are kept as files in
    /// the data folder (one instance per folder).</summary>
    ISharedKeys? SharedKeys { get; }

    /// <summary>Gets the failed sign-ins counted by every instance on this store together, or null when one instance
    /// owns the store and counts them in memory.</summary>
    ISignInFailures? SignInFailures { get; }
}

/// <summary>Failed sign-ins, per account or per address, counted in the store: behind a load balancer a password
/// guesser would otherwise get each instance's allowance.</summary>
public interface ISignInFailures
{
    /// <summary>Counts a failure: one more than before, or the first again when the last is older than the window.</summary>
    /// <param name="key">What failed: an account or an address.</param>
    /// <param name="at">When.</param>
    /// <param name="window">How long a failure counts.</param>
    /// <returns>The failures counted, with this one.</returns>
    SignInFailureCount Add(string key, DateTimeOffset at, TimeSpan window);

    /// <summary>Finds the failures counted for a key.</summary>
    /// <param name="key">The account or address.</param>
    /// <returns>The failures, or null when there are none.</returns>
    SignInFailureCount? Find(string key);

    /// <summary>Forgets a key's failures, as after a successful sign-in.</summary>
    /// <param name="key">The account.</param>
    void Forget(string key);

    /// <summary>Forgets every failure whose last was before a time: they no longer count.</summary>
    /// <param name="before">The time.</param>
    void ForgetBefore(DateTimeOffset before);
}

/// <summary>Failed sign-ins counted for one account or address.</summary>
/// <param name="Count">How many, in a row within the window.</param>
/// <param name="Last">When the last failed.</param>
public sealed record SignInFailureCount(int Count, DateTimeOffset Last);

/// <summary>Named secrets kept in the store, so that every instance signs and checks with the same keys.</summary>
public interface ISharedKeys
{
    /// <summary>Gets a key, adding <paramref name="create"/>'s value when there is none; when two instances
    /// add at once, both get the one stored first.</summary>
    /// <param name="name">The key's name.</param>
    /// <param name="create">Makes a new value.</param>
    /// <returns>The stored value.</returns>
    string GetOrAdd(string name, Func<string> create);

    /// <summary>Lists the keys whose names start with a prefix, in name order.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The names and values.</returns>
    IReadOnlyList<KeyValuePair<string, string>> List(string prefix);

    /// <summary>Adds a key; a key of the same name is kept as it is.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    void Add(string name, string value);
}

/// <summary>Which store to use.</summary>
public enum StoreKind
{
    /// <summary>The embedded LiteDB file in the data folder: one instance on one machine.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database, shared by any number of instances.</summary>
    PostgreSql,
}

/// <summary>Where the data is.</summary>
/// <param name="Kind">Which store.</param>
/// <param name="DataFolder">The data folder (LiteDB).</param>
/// <param name="PostgreSql">The PostgreSQL connection string (PostgreSQL).</param>
/// <param name="Schema">The PostgreSQL schema Fashen's tables live in.</param>
public sealed record StoreSettings(StoreKind Kind, string DataFolder, string? PostgreSql = null, string Schema = "fashen")
{
    /// <summary>Opens the store, creating or migrating it when needed.</summary>
    /// <returns>The open store.</returns>
    /// <exception cref="StoreSchemaException">PostgreSQL was chosen without a connection string, or its schema is newer than this program.</exception>
    public IFashenStore Open() => Kind switch
    {
        StoreKind.PostgreSql when string.IsNullOrWhiteSpace(PostgreSql) =>
            throw new StoreSchemaException("已选择 PostgreSQL 存储（Fashen:Store=PostgreSql），但没有给出连接串：请设置环境变量 Fashen__PostgreSql 或配置项 Fashen:PostgreSql。"),
        StoreKind.PostgreSql => new PostgreSql.PostgreSqlStore(PostgreSql!, Schema),
        _ => new LiteDbStore(DataFolder),
    };
}
