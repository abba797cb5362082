using System.Security.Cryptography;
using Fashen.Store;

namespace Fashen.Api;

/// <summary>The permit signing key (ES256): created once, then the same for every restart and every instance.</summary>
public static class PermitKeys
{
    /// <summary>The key file's name in the data folder (embedded store).</summary>
    public const string FileName = "permit-signing-key.pem";

    /// <summary>The key's name among the store's shared keys (shared store).</summary>
    public const string SharedKeyName = "permit-signing-key";

    /// <summary>Loads the key from the store's shared keys, or from the data folder when the store has none.</summary>
    /// <param name="shared">The store's shared keys, or null when keys are kept in the data folder.</param>
    /// <param name="dataFolder">The data folder.</param>
    /// <returns>The key.</returns>
    public static ECDsa LoadOrCreate(ISharedKeys? shared, string dataFolder)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (shared is not null)
        {
            // Two instances starting together both get the key stored first.
            key.ImportFromPem(shared.GetOrAdd(SharedKeyName, key.ExportPkcs8PrivateKeyPem));
            return key;
        }

        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }

        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
