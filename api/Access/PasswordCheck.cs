using Fashen.Engine.Access;
using Microsoft.AspNetCore.Identity;

namespace Fashen.Api.Access;

/// <summary>Checks a password at sign-in, taking as long whether or not the account exists: for a name that is no
/// account, the password is checked against a decoy hash made the same way, so that a failure does not tell a guesser
/// which names are accounts.</summary>
public sealed class PasswordCheck
{
    private static readonly PasswordHasher<Account> Hasher = new();
    private readonly Account _decoy;
    private long _checks;

    /// <summary>Initializes a new instance of the <see cref="PasswordCheck"/> class, with a decoy hash of a random password.</summary>
    public PasswordCheck()
    {
        var decoy = new Account(string.Empty, string.Empty, string.Empty, string.Empty, [], [], false, false, Disabled: true);
        _decoy = decoy with { PasswordHash = Hasher.HashPassword(decoy, Credentials.NewPassword()) };
    }

    /// <summary>Gets how many passwords were checked: one per sign-in attempt that was not refused before (the tests hold
    /// sign-ins of unknown names to the same work as known ones with it).</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>Checks a password against an account's hash, or against the decoy when there is no account.</summary>
    /// <param name="account">The account, or null when the name is no account.</param>
    /// <param name="password">The password given.</param>
    /// <returns>Whether the account exists and the password is its own.</returns>
    public bool Matches(Account? account, string password)
    {
        Interlocked.Increment(ref _checks);
        var target = account ?? _decoy;
        var verified = Hasher.VerifyHashedPassword(target, target.PasswordHash, password) != PasswordVerificationResult.Failed;
        return account is not null && verified;
    }
}
