using Fashen.Engine.Access;
using Fashen.Engine.Documents;
using Fashen.Engine.Reviews;

namespace Fashen.Store;

/// <summary>A store Fashen can run on: the record and what is derived from it, accounts and API keys.</summary>
public interface IFashenStore : IReviewStore, IAccountStore, IFileStore, IDisposable
{
    /// <summary>Gets where the store keeps its data, for people: a file path, or a database and schema.</summary>
    string Location { get; }

    /// <summary>Gets the keys shared by every instance on this store, or null when keys are kept as files in
    /// the data folder (one instance per folder).</summary>
    IStoredSharedKeys? SharedKeys { get; }

    /// <summary>Tells why this instance cannot write the record now (the database is unreachable, or another instance holds
    /// the record's lock beyond the lock timeout), for readiness; null when it can.</summary>
    /// <returns>The problem, in Chinese, or null.</returns>
    string? WriteProblem();

    /// <summary>Gets the webhook endpoints and the outbox of their deliveries, kept beside the record.</summary>
    Engine.Notifications.IWebhookStore Webhooks { get; }

    /// <summary>Gets the failed sign-ins counted by every instance on this store together, or null when one instance
    /// owns the store and counts them in memory.</summary>
    ISignInFailures? SignInFailures { get; }
}

/// <summary>Sign-in attempts, per account or per address, counted in the store: behind a load balancer a password
/// guesser would otherwise get each instance's allowance.</summary>
/// <remarks>An attempt is counted <em>before</em> its password is checked, in the same step that checks the lock
/// (<see cref="Admit"/>), and taken back when the password was right (<see cref="Succeeded"/>). Checked and counted in
/// two steps, parallel guesses would all pass the check before any was counted, each getting a password check.</remarks>
public interface ISignInFailures
{
    /// <summary>Admits an attempt and counts it as a failure, in one step, unless the key is locked: it has
    /// <paramref name="limit"/> failures, the last within <paramref name="window"/> of <paramref name="at"/>. Failures
    /// older than the window no longer count: the attempt is then the first again.</summary>
    /// <param name="key">What attempts: an account or an address.</param>
    /// <param name="limit">How many failures lock the key.</param>
    /// <param name="at">When.</param>
    /// <param name="window">How long a failure counts.</param>
    /// <returns>Whether the attempt may go on, and the failures counted with it (or those that lock the key).</returns>
    SignInAdmission Admit(string key, int limit, DateTimeOffset at, TimeSpan window);

    /// <summary>Takes back an admitted attempt that was no failure: the account's failures are forgotten (a right password
    /// ends a run of wrong ones); an address's count loses the one attempt, so that many people signing in from one
    /// office's address do not lock it.</summary>
    /// <param name="key">The key admitted.</param>
    /// <param name="forgetAll">True to forget every failure of the key (an account), false to take back one (an address).</param>
    void Succeeded(string key, bool forgetAll);

    /// <summary>Forgets every failure whose last was before a time: they no longer count.</summary>
    /// <param name="before">The time.</param>
    void ForgetBefore(DateTimeOffset before);
}

/// <summary>What <see cref="ISignInFailures.Admit"/> decided.</summary>
/// <param name="Admitted">True when the attempt may go on (and is counted as a failure until it succeeds).</param>
/// <param name="Count">The failures counted, with this attempt when admitted.</param>
/// <param name="Last">When the last failure was counted.</param>
public sealed record SignInAdmission(bool Admitted, int Count, DateTimeOffset Last);

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

/// <summary>The shared keys as the store keeps them: values as stored (encrypted or not), which can also be replaced
/// together when they are encrypted, or encrypted again.</summary>
public interface IStoredSharedKeys : ISharedKeys
{
    /// <summary>Replaces keys' stored values all at once, each only if it still holds the value read before: when one was
    /// changed meanwhile (another instance sealed it first), nothing is replaced.</summary>
    /// <param name="replacements">The keys, each with the value read and the new value.</param>
    /// <returns>True when every key was replaced; false when none was.</returns>
    bool Replace(IReadOnlyList<SharedKeyReplacement> replacements);
}

/// <summary>A shared key's stored value, replaced only if it is still the one read.</summary>
/// <param name="Name">The key's name.</param>
/// <param name="Expected">The stored value read before.</param>
/// <param name="Value">The value to store instead.</param>
public sealed record SharedKeyReplacement(string Name, string Expected, string Value);

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
/// <param name="Timeouts">How long PostgreSQL waits for a lock, in an idle transaction and for a statement; the defaults when null.</param>
public sealed record StoreSettings(StoreKind Kind, string DataFolder, string? PostgreSql = null, string Schema = "fashen", PostgreSqlTimeouts? Timeouts = null)
{
    /// <summary>Opens the store, creating or migrating it when needed.</summary>
    /// <returns>The open store.</returns>
    /// <exception cref="StoreSchemaException">PostgreSQL was chosen without a connection string, or its schema is newer than this program.</exception>
    public IFashenStore Open() => Kind switch
    {
        StoreKind.PostgreSql when string.IsNullOrWhiteSpace(PostgreSql) =>
            throw new StoreSchemaException("已选择 PostgreSQL 存储（Fashen:Store=PostgreSql），但没有给出连接串：请设置环境变量 Fashen__PostgreSql 或配置项 Fashen:PostgreSql。"),
        StoreKind.PostgreSql => new PostgreSql.PostgreSqlStore(PostgreSql!, Schema, Timeouts),
        _ => new LiteDbStore(DataFolder),
    };
}

/// <summary>The bounds on waiting in PostgreSQL (see FashenOptions for why each value).</summary>
/// <param name="Lock">How long a statement waits for a lock (lock_timeout).</param>
/// <param name="IdleInTransaction">How long a session may idle inside a transaction before the database ends it
/// (idle_in_transaction_session_timeout).</param>
/// <param name="Statement">How long a statement may run (statement_timeout).</param>
public sealed record PostgreSqlTimeouts(TimeSpan Lock, TimeSpan IdleInTransaction, TimeSpan Statement)
{
    /// <summary>Gets the defaults: 15 s for a lock, 10 s idle in a transaction, 30 s for a statement.</summary>
    public static PostgreSqlTimeouts Default { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
}
