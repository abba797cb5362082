using Fashen.Engine.Access;
using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Access;

/// <summary>What the admin pages need from the host: accounts and API keys (whose secrets the host makes and hashes, as the
/// command line does) and reloading the catalogues. Each change is the legal-office admin's alone and is recorded (never with
/// a secret); every secret is shown once and kept nowhere but as a hash.</summary>
public interface IAdministration
{
    /// <summary>Lists the accounts.</summary>
    IReadOnlyList<Account> Accounts(Caller admin);

    /// <summary>Lists the API keys (case systems), without their secrets.</summary>
    IReadOnlyList<ApiClient> ApiClients(Caller admin);

    /// <summary>Creates an account with a one-time password.</summary>
    /// <returns>The account and its password, shown once; or why not.</returns>
    Outcome<(Account Account, string Password)> CreateAccount(Caller admin, AccountInput input);

    /// <summary>Changes an account's name, roles, departments and qualification.</summary>
    Outcome<Account> ChangeAccount(Caller admin, string username, AccountInput input);

    /// <summary>Disables an account (it can no longer sign in, and its sessions and tokens stop working) or enables it again.</summary>
    Outcome<Account> SetAccountDisabled(Caller admin, string username, bool disabled);

    /// <summary>Gives an account a new one-time password.</summary>
    /// <returns>The password, shown once; or why not.</returns>
    Outcome<string> ResetPassword(Caller admin, string username);

    /// <summary>Creates an API key for a case system.</summary>
    /// <returns>The client and its key, shown once; or why not.</returns>
    Outcome<(ApiClient Client, string Key)> CreateApiKey(Caller admin, string name, IReadOnlyList<string> departments);

    /// <summary>Revokes an API key: the case system can no longer call.</summary>
    Outcome<ApiClient> RevokeApiKey(Caller admin, string id);

    /// <summary>Gives an API key a new secret; the old key stops working at once.</summary>
    /// <returns>The client and its new key, shown once; or why not.</returns>
    Outcome<(ApiClient Client, string Key)> RotateApiKey(Caller admin, string id);

    /// <summary>Reads the catalogue folder again; with errors, nothing changes.</summary>
    /// <returns>What the reload found, or why the caller may not.</returns>
    Outcome<ReloadReport> ReloadCatalogues(Caller admin);
}

/// <summary>An account as the admin fills it in.</summary>
/// <param name="Username">The sign-in name (only when creating).</param>
/// <param name="DisplayName">The name shown in records and documents.</param>
/// <param name="Roles">The roles.</param>
/// <param name="Departments">The departments, or "*" for all.</param>
/// <param name="FirstTimeReviewer">Whether the person reviews for the first time (初次从事法制审核).</param>
/// <param name="LegalQualification">Whether the person holds the legal-profession qualification (法律职业资格).</param>
public sealed record AccountInput(
    string Username, string DisplayName, IReadOnlyList<Role> Roles, IReadOnlyList<string> Departments, bool FirstTimeReviewer, bool LegalQualification);

/// <summary>What a catalogue reload found.</summary>
/// <param name="Errors">How many errors; with any, the catalogues in force did not change.</param>
/// <param name="Changed">Whether the catalogues in force changed.</param>
/// <param name="Diagnostics">Every diagnostic, as the command line prints it (file:line:col, code, the line and a caret).</param>
/// <param name="Summary">The count of errors and warnings, or that there was nothing.</param>
public sealed record ReloadReport(int Errors, bool Changed, string Diagnostics, string Summary);
