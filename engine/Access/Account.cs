using Fashen.Engine.Reviews;

namespace Fashen.Engine.Access;

/// <summary>A person's account: who they are, what they may do, for which departments.</summary>
/// <param name="Id">The stable account id.</param>
/// <param name="Username">The sign-in name.</param>
/// <param name="DisplayName">The name shown in records and documents.</param>
/// <param name="PasswordHash">The password hash (never the password); the host chooses the algorithm.</param>
/// <param name="Roles">The roles.</param>
/// <param name="Departments">The departments the person may see and act on; "*" for all.</param>
/// <param name="FirstTimeReviewer">Whether the person is doing legal review for the first time.</param>
/// <param name="LegalQualification">Whether the person holds the legal-profession qualification.</param>
/// <param name="Disabled">Whether the account may no longer sign in.</param>
public sealed record Account(
    string Id,
    string Username,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<string> Departments,
    bool FirstTimeReviewer,
    bool LegalQualification,
    bool Disabled);

/// <summary>A case system allowed to call Fashen with an API key.</summary>
/// <param name="Id">The key id, which is part of the key a case system sends.</param>
/// <param name="Name">The case system's name, shown in records.</param>
/// <param name="SecretHash">The SHA-256 of the key's secret part (never the secret).</param>
/// <param name="Departments">The departments the case system may act for.</param>
/// <param name="Disabled">Whether the key may no longer be used.</param>
public sealed record ApiClient(string Id, string Name, string SecretHash, IReadOnlyList<string> Departments, bool Disabled);

/// <summary>Where accounts and API clients are kept.</summary>
public interface IAccountStore
{
    /// <summary>Finds an account by sign-in name.</summary>
    /// <param name="username">The sign-in name.</param>
    /// <returns>The account, or null.</returns>
    Account? FindAccount(string username);

    /// <summary>Lists every account.</summary>
    /// <returns>The accounts, ordered by username.</returns>
    IReadOnlyList<Account> Accounts();

    /// <summary>Adds or replaces an account.</summary>
    /// <param name="account">The account.</param>
    void SaveAccount(Account account);

    /// <summary>Finds an API client by key id.</summary>
    /// <param name="id">The key id.</param>
    /// <returns>The client, or null.</returns>
    ApiClient? FindApiClient(string id);

    /// <summary>Lists every API client, disabled ones too.</summary>
    /// <returns>The clients, ordered by name, then id.</returns>
    IReadOnlyList<ApiClient> ApiClients();

    /// <summary>Adds or replaces an API client.</summary>
    /// <param name="client">The client.</param>
    void SaveApiClient(ApiClient client);
}
