using System.Security.Cryptography;
using System.Text;

namespace Fashen.Store;

/// <summary>The shared keys as kept in the database: encrypted (AES-256-GCM) with a key-encryption key that only
/// the instances have, from configuration or the environment (<c>Fashen__KeyEncryptionKey</c>). Someone who can
/// read the database, or a copy of it, then holds no key that signs permits or sign-in tokens.</summary>
/// <remarks>
/// Each value is bound to its name (the name is the associated data), so values cannot be swapped between rows.
/// Without a key-encryption key values are kept as they are. Once one is configured, the values kept in plain text are
/// encrypted (<see cref="SealPlainKeys"/>) and a marker key, itself encrypted, says so (<see cref="MarkerName"/>): from
/// then on a plain-text value can only have been written past Fashen, and is refused rather than used.
/// </remarks>
public sealed class EncryptedSharedKeys : ISharedKeys
{
    /// <summary>The name of the marker key, stored encrypted once every key is: its presence means a plain-text value is
    /// foreign.</summary>
    public const string MarkerName = "kek.sealed";

    private const string Prefix = "aes-256-gcm:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly IStoredSharedKeys _stored;
    private readonly byte[]? _keyEncryptionKey;

    /// <summary>Initializes a new instance of the <see cref="EncryptedSharedKeys"/> class.</summary>
    /// <param name="stored">The keys as the store keeps them.</param>
    /// <param name="keyEncryptionKey">The key-encryption key (32 bytes, see <see cref="ParseKey"/>), or null to keep
    /// new keys unencrypted.</param>
    public EncryptedSharedKeys(IStoredSharedKeys stored, byte[]? keyEncryptionKey)
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

    /// <summary>Lists the keys stored in plain text.</summary>
    /// <returns>Their names.</returns>
    public IReadOnlyList<string> PlainKeyNames() =>
        _stored.List(string.Empty).Where(k => !IsSealed(k.Value)).Select(k => k.Key).ToList();

    /// <summary>Tells whether the marker says every key was encrypted before (opening it, so a forged marker is refused).</summary>
    /// <returns>True when the marker is there.</returns>
    public bool IsMarkedSealed() => _stored.List(MarkerName).Any(k => k.Key == MarkerName && Open(k.Key, k.Value) == MarkerName);

    /// <summary>Stores the marker, once every key is encrypted.</summary>
    public void MarkSealed()
    {
        RequireKey();
        _stored.Add(MarkerName, Seal(MarkerName, MarkerName));
    }

    /// <summary>Encrypts every key stored in plain text, all in one step. When another instance does so at the same time,
    /// the one that is first wins and this one finds nothing left to do.</summary>
    /// <returns>The names of the keys this call encrypted.</returns>
    public IReadOnlyList<string> SealPlainKeys()
    {
        RequireKey();
        for (var attempt = 0; ; attempt++)
        {
            var plain = _stored.List(string.Empty).Where(k => !IsSealed(k.Value)).ToList();
            if (plain.Count == 0 || _stored.Replace(plain.Select(k => new SharedKeyReplacement(k.Key, k.Value, Seal(k.Key, k.Value))).ToList()))
            {
                return plain.Select(k => k.Key).ToList();
            }

            if (attempt == 3)
            {
                throw new SharedKeyEncryptionException("加密明文共享密钥时，密钥表一再被同时改动：请确认没有别的程序在写它，然后重新启动。");
            }
        }
    }

    /// <summary>Encrypts every key again with another key-encryption key, all in one step: every value must open with this
    /// one first, so nothing foreign or unreadable is carried over.</summary>
    /// <param name="next">The new key-encryption key (32 bytes).</param>
    /// <returns>The names of the keys encrypted again.</returns>
    public IReadOnlyList<string> RotateTo(byte[] next)
    {
        RequireKey();
        var target = new EncryptedSharedKeys(_stored, next);
        var stored = _stored.List(string.Empty);
        if (stored.Where(k => !IsSealed(k.Value)).Select(k => k.Key).FirstOrDefault() is { } plainName)
        {
            throw new SharedKeyEncryptionException($"数据库中的共享密钥“{plainName}”是明文：先以现有的密钥加密密钥启动一次服务（它会加密明文密钥），或删除来历不明的行，再更换密钥加密密钥。");
        }

        var replacements = stored.Select(k => new SharedKeyReplacement(k.Key, k.Value, target.Seal(k.Key, Open(k.Key, k.Value)))).ToList();
        if (!_stored.Replace(replacements))
        {
            throw new SharedKeyEncryptionException("更换密钥加密密钥时密钥表被同时改动，什么也没有改：请在没有实例写入新密钥时重试。");
        }

        return stored.Select(k => k.Key).ToList();
    }

    private static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    private void RequireKey()
    {
        if (_keyEncryptionKey is null)
        {
            throw new SharedKeyEncryptionException("没有配置密钥加密密钥（Fashen__KeyEncryptionKey）。");
        }
    }

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
        if (!IsSealed(stored))
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
