using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;

namespace Fashen.Api.Access;

/// <summary>The shared keys at start-up, before anything signs with them. With a key-encryption key configured, keys an
/// instance stored in plain text before it had one are encrypted, once, and the record says so; after that a plain-text
/// key can only have been written into the table past Fashen (to have permits signed with a key someone else holds), so
/// the instance records an alert and does not start. Every key must open with the configured key-encryption key.</summary>
internal static class KeysAtRest
{
    /// <summary>The record entry written when the keys were first all encrypted.</summary>
    public const string SealedEntry = "keys.sealed";

    /// <summary>The alert written when a plain-text key is found in a table whose keys were all encrypted.</summary>
    public const string ForeignKeyAlert = "alert.foreign_key";

    /// <summary>Checks and, when needed, encrypts the shared keys.</summary>
    /// <param name="keys">The shared keys, with the configured key-encryption key.</param>
    /// <param name="store">The store (for the record).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the one-time encryption and the warnings go.</param>
    /// <exception cref="SharedKeyEncryptionException">A key is foreign or does not open.</exception>
    public static void Prepare(EncryptedSharedKeys keys, IFashenStore store, TimeProvider clock, ILogger logger)
    {
        if (!keys.Encrypts)
        {
            keys.List(string.Empty);
            logger.LogWarning("共享密钥（许可凭证的签名密钥、登录令牌的密钥）以明文存放在数据库中：能读数据库的人就能签发许可凭证。请为每个实例设置同一个 Fashen__KeyEncryptionKey（openssl rand -base64 32）。");
            return;
        }

        // Whether the keys were sealed is read before the plain-text keys are: an instance sealing them meanwhile marks them
        // only after, so a plain-text key read after the mark is foreign, never one it is still sealing. The marker can be
        // deleted by whoever can write the table; the record entry cannot (append-only, chained), so it is looked for too.
        var marked = keys.IsMarkedSealed();
        var plain = keys.PlainKeyNames();
        if (plain.Count > 0 && !marked && store.ReadAll().Any(e => e.Type == SealedEntry))
        {
            marked = true;
            plain = keys.PlainKeyNames();
        }

        if (plain.Count > 0 && marked)
        {
            var names = string.Join("、", plain);
            Record(store, clock, ForeignKeyAlert, new JsonObject { ["keys"] = Names(plain) });
            throw new SharedKeyEncryptionException(
                $"数据库中的共享密钥“{names}”是明文，而这里的共享密钥早已全部加密存放：它只能是绕过法审写入数据库的，不会被使用，实例不启动。"
                + "请核查数据库的访问记录，删除这些行（许可凭证签名密钥被删除后会重新生成，已签发的许可凭证须按新公钥核验）后再启动。");
        }

        if (!marked)
        {
            var sealedNow = keys.SealPlainKeys();
            keys.MarkSealed();
            Record(store, clock, SealedEntry, new JsonObject { ["keys"] = Names(sealedNow) });
            logger.LogInformation(
                "已用密钥加密密钥加密数据库中以明文存放的共享密钥（{Count} 个：{Names}）；此后表中出现的明文密钥将被拒绝。", sealedNow.Count, string.Join("、", sealedNow));
        }

        // Every key opens with this key-encryption key now, not at the first sign-in.
        keys.List(string.Empty);
    }

    private static JsonArray Names(IEnumerable<string> names) =>
        new([.. names.Select(n => (JsonNode)n)]);

    private static void Record(IFashenStore store, TimeProvider clock, string type, JsonObject data) =>
        store.Append(new AppendBatch(clock.GetUtcNow(), [new PendingEntry(type, null, null, Actor.System, CanonicalJson.Serialize(data))]));
}
