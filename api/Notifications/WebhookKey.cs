using System.Security.Cryptography;
using Fashen.Store;

namespace Fashen.Api.Notifications;

/// <summary>The service's webhook key, from which each endpoint's signing secret is derived: in the data folder for one
/// instance, or among the shared keys (encrypted with the key-encryption key) for instances sharing PostgreSQL.</summary>
internal static class WebhookKey
{
    /// <summary>The key file's name in the data folder.</summary>
    public const string FileName = "webhook-key";

    /// <summary>The shared key's name.</summary>
    public const string SharedKeyName = "webhook-key";

    public static byte[] LoadOrCreate(ISharedKeys? shared, string dataFolder)
    {
        static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (shared is not null)
        {
            // Two instances starting together both get the key stored first.
            return Convert.FromBase64String(shared.GetOrAdd(SharedKeyName, Create));
        }

        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Create());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
