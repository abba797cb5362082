using System.Security.Cryptography;
using Fashen.Store;

namespace Fashen.Api.Tests.Store;

/// <summary>The shared keys as the database keeps them: sealed with the instances' key-encryption key, bound to
/// their names, still readable when they were stored before a key-encryption key was configured.</summary>
public sealed class EncryptedSharedKeysTests
{
    private static readonly byte[] Kek = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Value_IsKeptEncrypted_AndReadBackAsItWas()
    {
        var stored = new Stored();
        var keys = new EncryptedSharedKeys(stored, Kek);

        var value = keys.GetOrAdd("permit-signing-key", () => "-----BEGIN PRIVATE KEY-----\n签名密钥\n");
        keys.Add("data-protection/key-1", "<key id=\"1\" />");

        Assert.Equal("-----BEGIN PRIVATE KEY-----\n签名密钥\n", value);
        Assert.Equal(value, keys.GetOrAdd("permit-signing-key", () => "another"));
        Assert.Equal([KeyValuePair.Create("data-protection/key-1", "<key id=\"1\" />")], keys.List("data-protection/"));
        Assert.All(stored.Values.Values, v => Assert.StartsWith("aes-256-gcm:", v, StringComparison.Ordinal));
        Assert.DoesNotContain(stored.Values.Values, v => v.Contains("PRIVATE", StringComparison.Ordinal) || v.Contains("key id", StringComparison.Ordinal));
    }

    [Fact]
    public void Value_MovedToAnotherName_OrOpenedWithAnotherKey_IsRefused()
    {
        var stored = new Stored();
        new EncryptedSharedKeys(stored, Kek).Add("a", "secret");
        stored.Values["b"] = stored.Values["a"];

        var moved = Assert.Throws<SharedKeyEncryptionException>(() => new EncryptedSharedKeys(stored, Kek).List("b"));
        var otherKey = Assert.Throws<SharedKeyEncryptionException>(() => new EncryptedSharedKeys(stored, RandomNumberGenerator.GetBytes(32)).List("a"));
        var noKey = Assert.Throws<SharedKeyEncryptionException>(() => new EncryptedSharedKeys(stored, null).List("a"));

        Assert.Contains("“b”无法用配置的密钥加密密钥解开", moved.Message, StringComparison.Ordinal);
        Assert.Contains("“a”无法用配置的密钥加密密钥解开", otherKey.Message, StringComparison.Ordinal);
        Assert.Contains("本实例没有配置密钥加密密钥", noKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_KeptBeforeAKeyWasConfigured_StayReadable_AndNewOnesAreEncrypted()
    {
        var stored = new Stored();
        new EncryptedSharedKeys(stored, null).Add("old", "plain");

        var keys = new EncryptedSharedKeys(stored, Kek);
        keys.Add("new", "sealed");

        Assert.Equal("plain", stored.Values["old"]);
        Assert.Equal([KeyValuePair.Create("new", "sealed"), KeyValuePair.Create("old", "plain")], keys.List(string.Empty));
        Assert.StartsWith("aes-256-gcm:", stored.Values["new"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void KeyEncryptionKey_NotThirtyTwoBytesOfBase64_IsRefusedWithHowToMakeOne(string text)
    {
        var refused = Assert.Throws<SharedKeyEncryptionException>(() => EncryptedSharedKeys.ParseKey(text));

        Assert.Contains("openssl rand -base64 32", refused.Message, StringComparison.Ordinal);
    }

    // The store's shared keys, in memory, with its semantics: adding keeps a value already there.
    private sealed class Stored : IStoredSharedKeys
    {
        public SortedDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public string GetOrAdd(string name, Func<string> create) => Values.TryGetValue(name, out var value) ? value : Values[name] = create();

        public IReadOnlyList<KeyValuePair<string, string>> List(string prefix) =>
            Values.Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        public void Add(string name, string value) => Values.TryAdd(name, value);

        public bool Replace(IReadOnlyList<SharedKeyReplacement> replacements)
        {
            if (!replacements.All(r => Values.TryGetValue(r.Name, out var value) && value == r.Expected))
            {
                return false;
            }

            foreach (var replacement in replacements)
            {
                Values[replacement.Name] = replacement.Value;
            }

            return true;
        }
    }
}
