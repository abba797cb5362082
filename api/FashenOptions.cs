using Fashen.Store;

namespace Fashen.Api;

/// <summary>How the service runs; read from the "Fashen" configuration section, environment
/// variables (Fashen__DataFolder …) or <c>fashen serve</c> options.</summary>
public sealed class FashenOptions
{
    /// <summary>Gets or sets the catalogue folder.</summary>
    /// <value>The default value is samples/catalogues.</value>
    public string Catalogues { get; set; } = "samples/catalogues";

    /// <summary>Gets or sets a value indicating whether to reload the catalogues when their files change.</summary>
    /// <value>The default value is true.</value>
    public bool WatchCatalogues { get; set; } = true;

    /// <summary>Gets or sets how long the catalogue files must stay unchanged before a reload, so that an
    /// editor's save (or a git checkout of many files) is read once, whole.</summary>
    /// <value>The default value is 500 ms.</value>
    public TimeSpan ReloadQuietPeriod { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the holiday calendar file; null finds holidays.yaml above the catalogues.</summary>
    public string? Calendar { get; set; }

    /// <summary>Gets or sets the data folder: the LiteDB database, the permit signing key, the token keys (on
    /// PostgreSQL all three are in the database, and the folder keeps only the demo credentials).</summary>
    /// <value>The default value is .fashen-data.</value>
    public string DataFolder { get; set; } = ".fashen-data";

    /// <summary>Gets or sets which store keeps the record: the embedded LiteDB file in <see cref="DataFolder"/>
    /// (one instance), or PostgreSQL (any number of instances sharing one database).</summary>
    /// <value>The default value is LiteDb.</value>
    public StoreKind Store { get; set; } = StoreKind.LiteDb;

    /// <summary>Gets or sets the PostgreSQL connection string when <see cref="Store"/> is PostgreSql. It holds a
    /// password: give it in the environment (Fashen__PostgreSql) or a configuration file only people running the
    /// service can read, never on the command line.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>Gets or sets the key that encrypts the keys kept in a shared store (the permit signing key, the sign-in
    /// token keys): 32 random bytes in Base64, the same for every instance (<c>openssl rand -base64 32</c>). A secret:
    /// give it in the environment (Fashen__KeyEncryptionKey) or a configuration file only people running the service
    /// can read. Without it those keys are kept in the database as they are, and a warning says so at start.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema Fashen's tables live in, created and migrated by Fashen.</summary>
    /// <value>The default value is fashen.</value>
    public string PostgreSqlSchema { get; set; } = "fashen";

    /// <summary>Gets or sets how long a write waits for the record's lock (the chain head row) before it is answered
    /// 503, retryable. A group of appends holds the lock for milliseconds, but its commit waits for the log to reach the
    /// disk, which on a busy disk has taken over five seconds (the test suite on two cores). Fifteen seconds is above that,
    /// and above the idle-in-transaction timeout, so a write queued behind a stalled instance gets the lock once the
    /// database has ended that instance's session; only a lock held longer by a session still at work ends in 503. Still
    /// well inside a case system's usual request timeout (30–60 s).</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan PostgreSqlLockTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long a session may sit inside a transaction doing nothing before the database ends it,
    /// releasing its locks. Fashen never waits inside a transaction; an instance that is paused, frozen or cut off by the
    /// network does, and would otherwise hold the record's lock until TCP gives up (hours).</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan PostgreSqlIdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long one statement may run. Fashen's statements take milliseconds and its long reads
    /// are batched; thirty seconds bounds a runaway one without cutting off a slow disk.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan PostgreSqlStatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest file a case system may upload into a case file. Scanned case files and office documents
    /// are a few megabytes, recordings of hearings a few hundred; body-camera footage larger than this stays in its own system
    /// and is registered by hash (POST /v1/files/recordings).</summary>
    /// <value>The default value is 256 MiB.</value>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Gets or sets the most bytes of files one review may refer to, all its materials together.</summary>
    /// <value>The default value is 1 GiB.</value>
    public long MaxReviewFileBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Gets or sets the TrueType font the review opinion PDFs embed (as a subset) for the Chinese: it must hold 〇
    /// and 〔〕, which every opinion's date and number need.</summary>
    /// <value>The default value is Debian's fonts-droid-fallback (Apache-2.0). Debian's TrueType Song font
    /// (fonts-arphic-gbsn00lp) lacks 〇 and 〔〕, and WenQuanYi Zen Hei is a collection (.ttc), which PDFsharp does not read.</value>
    public string OpinionFont { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>Gets or sets the TrueType font the review opinion PDFs embed for Latin letters and digits, which the CJK font
    /// lacks.</summary>
    /// <value>The default value is Debian's fonts-dejavu-core DejaVu Sans (free licence, embeddable).</value>
    public string OpinionLatinFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Gets or sets the working days within which a reported decision must be published, by kind of action (行政处罚, or
    /// its wire name penalty); a kind not named takes <see cref="PublicationWorkingDaysOtherwise"/>. A law's exception for a kind
    /// is written here.</summary>
    /// <value>The default value is the 2018 guideline's (国办发〔2018〕118号): 7 for 行政处罚 and 行政许可.</value>
    public Dictionary<string, int> PublicationWorkingDays { get; set; } = new(StringComparer.Ordinal) { ["行政处罚"] = 7, ["行政许可"] = 7 };

    /// <summary>Gets or sets the working days within which the other kinds of decision must be published.</summary>
    /// <value>The default value is 20.</value>
    public int PublicationWorkingDaysOtherwise { get; set; } = 20;

    /// <summary>Gets or sets a value indicating whether deadline reminders are sent (recorded, shown, and posted to office webhooks).</summary>
    /// <value>The default value is true.</value>
    public bool Reminders { get; set; } = true;

    /// <summary>Gets or sets how often reminders due are looked for.</summary>
    /// <value>The default value is ten minutes.</value>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the hour of the day, where the reviews are made, from which reminders are sent.</summary>
    /// <value>The default value is 8 (08:00).</value>
    public int ReminderHour { get; set; } = 8;

    /// <summary>Gets or sets how often the webhook dispatcher looks for new record entries and due deliveries.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan WebhookPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many times one round of a delivery retries at once (after the first attempt).</summary>
    /// <value>The default value is 3, at about 1, 2 and 4 seconds (<see cref="WebhookRetryDelay"/>, doubled, with jitter).</value>
    public int WebhookRetries { get; set; } = 3;

    /// <summary>Gets or sets the first delay between the attempts of one round.</summary>
    /// <value>The default value is one second.</value>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long one attempt may take before it counts as failed.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan WebhookAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many rounds a delivery gets before it goes to the dead letters.</summary>
    /// <value>The default value is 8: over about 4 hours with the default <see cref="WebhookRoundDelay"/>.</value>
    public int WebhookRounds { get; set; } = 8;

    /// <summary>Gets or sets the wait after the first failed round; it doubles after each, up to six hours.</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan WebhookRoundDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether webhook endpoints may be plain http to this machine.</summary>
    /// <value>The default value is false: https only, so that events cannot be sent in the clear nor aimed at services that
    /// listen on the loopback interface. Tests and trials with a receiver beside the service turn it on.</value>
    public bool WebhookAllowLoopbackHttp { get; set; }

    /// <summary>Gets or sets a value indicating whether to create demo accounts and API keys when there are none.</summary>
    /// <value>The default value is false; <c>fashen serve</c> turns it on unless --no-demo is given.</value>
    public bool Demo { get; set; }

    /// <summary>Gets or sets the largest request body accepted, in bytes.</summary>
    /// <value>The default value is 256 KB.</value>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets how many failed sign-ins to one account lock it for <see cref="SignInLockout"/>
    /// (four times as many from one address lock the address).</summary>
    /// <value>The default value is 5.</value>
    public int SignInFailures { get; set; } = 5;

    /// <summary>Gets or sets how long sign-in stays refused after too many failures.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan SignInLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how many API requests one caller (an API key, a bearer token, or an address
    /// without either) may make at once before being slowed; refilled at <see cref="RequestsPerSecond"/>.</summary>
    /// <value>The default value is 400.</value>
    public int RequestBurst { get; set; } = 400;

    /// <summary>Gets or sets how many API requests per second one caller may make in the long run: the tokens
    /// added to the caller's bucket every <see cref="RequestRefillPeriod"/>.</summary>
    /// <value>The default value is 200.</value>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Gets or sets how often a caller's bucket is refilled with <see cref="RequestsPerSecond"/> tokens.
    /// A second unless a deployment (or a test that must not depend on how fast the machine answers) wants
    /// the budget counted over a longer period.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RequestRefillPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long a person's sign-in token lasts.</summary>
    /// <value>The default value is 8 hours.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
