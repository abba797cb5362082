using System.Security.Cryptography;

namespace Fashen.Api;

/// <summary>The permit signing key: created once in the data folder (owner-only), then reused, so
/// permits stay verifiable across restarts.</summary>
public static class PermitKeys
{
    public const string FileName = "permit-signing-key.pem";

    public static ECDsa LoadOrCreate(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
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
