using System.Security.Cryptography;
using System.Text;

namespace Fashen.Store;

/// <summary>The shared keys as kept in the database: encrypted (AES-256-GCM) with a key-encryption key that only
/// the instances have, from configuration or the environment (<c>Fashen__KeyEncryptionKey</c>). Someone who can
/// read the database, or a copy of it, then holds no key that signs permits or sign-in tokens.</summary>
/// <remarks>
/// Each value is bound to its name (the name is the associated data), so values cannot be swapped between rows.
/// Without a key-encryption key values are kept as they are, as before; values kept that way stay readable once a
/// key-encryption key is configured, and keys added from then on are encrypted.
/// </remarks>
public sealed class EncryptedSharedKeys : ISharedKeys
{
    private const string Prefix = "aes-256-gcm:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly ISharedKeys _stored;
    private readonly byte[]? _keyEncryptionKey;

    /// <summary>Initializes a new instance of the <see cref="EncryptedSharedKeys"/> class.</summary>
    /// <param name="stored">The keys as the store keeps them.</param>
    /// <param name="keyEncryptionKey">The key-encryption key (32 bytes, see <see cref="ParseKey"/>), or null to keep
    /// new keys unencrypted.</param>
    public EncryptedSharedKeys(ISharedKeys stored, byte[]? keyEncryptionKey)
    {
        if (keyEncryptionKey is { Length: not 32 })
        {
            throw new ArgumentException("The key-encryption key must be 32 bytes.", nameof(keyEncryptionKey));
        }

        _stored = stored;
        _keyEncryptionKey = keyEncryptionKey;
    }

    /// <summary>Gets a value indicating whether new keys are encrypted.</summary>
    public bool Encrypts => _keyEncryptionKey is not null;

    /// <summary>Reads a key-encryption key as configured: 32 bytes in Base64.</summary>
    /// <param name="text">The configured text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="SharedKeyEncryptionException">The text is not 32 bytes in Base64.</exception>
    public static byte[] ParseKey(string text)
    {
        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var length) || length != 32)
        {
            throw new SharedKeyEncryptionException(
                "密钥加密密钥（Fashen:KeyEncryptionKey）应为 32 字节随机数的 Base64 形式，例如用 openssl rand -base64 32 生成。");
        }

        return bytes[..32];
    }

    /// <inheritdoc/>
    public string GetOrAdd(string name, Func<string> create) => Open(name, _stored.GetOrAdd(name, () => Seal(name, create())));

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> List(string prefix) =>
        _stored.List(prefix).Select(k => KeyValuePair.Create(k.Key, Open(k.Key, k.Value))).ToList();

    /// <inheritdoc/>
    public void Add(string name, string value) => _stored.Add(name, Seal(name, value));

    private string Seal(string name, string value)
    {
        if (_keyEncryptionKey is null)
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keyEncryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(name));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    private string Open(string name, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        if (_keyEncryptionKey is null)
        {
            throw new SharedKeyEncryptionException(
                $"数据库中的共享密钥“{name}”是加密存放的，而本实例没有配置密钥加密密钥：请为每个实例设置同一个 Fashen__KeyEncryptionKey。");
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
            var length = sealedBytes.Length - NonceBytes - TagBytes;
            var plain = new byte[length];
            using var aes = new AesGcm(_keyEncryptionKey, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(name));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or OverflowException or ArgumentException)
        {
            throw new SharedKeyEncryptionException(
                $"数据库中的共享密钥“{name}”无法用配置的密钥加密密钥解开：各实例须使用加密它时的同一个 Fashen__KeyEncryptionKey（或它被改动过）。", exception);
        }
    }
}

/// <summary>The shared keys cannot be read with the key-encryption key configured, or that key is malformed.</summary>
public sealed class SharedKeyEncryptionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SharedKeyEncryptionException"/> class.</summary>
    /// <param name="message">What is wrong, in Chinese.</param>
    /// <param name="inner">The cause.</param>
    public SharedKeyEncryptionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
