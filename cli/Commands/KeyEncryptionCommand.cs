using System.CommandLine;
using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen key-encryption rotate</c>: encrypts every shared key in the PostgreSQL database again with a new
/// key-encryption key, in one transaction, and records it. The current key comes from Fashen__KeyEncryptionKey and the new
/// one from Fashen__NewKeyEncryptionKey, never from the command line (which other users of the machine can read).</summary>
internal static class KeyEncryptionCommand
{
    /// <summary>The environment variable the new key-encryption key is read from.</summary>
    public const string NewKeyVariable = "Fashen__NewKeyEncryptionKey";

    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "数据文件夹（由环境变量 Fashen__Store、Fashen__PostgreSql 指定数据库）", DefaultValueFactory = _ => ".fashen-data" };
        var rotate = new Command(
            "rotate",
            $"用新的密钥加密密钥（环境变量 {NewKeyVariable}）重新加密数据库中的全部共享密钥，现用的由 Fashen__KeyEncryptionKey 给出；一个事务内完成，并写入全过程记录。完成后以新密钥重启各实例。")
        {
            data,
        };
        rotate.SetAction(result => Rotate(context, result.GetValue(data)!));
        return new Command("key-encryption", "共享密钥的密钥加密密钥（多实例部署，PostgreSQL）。") { rotate };
    }

    private static int Rotate(CliContext context, string dataFolder)
    {
        var options = DataStore.Options(context, dataFolder);
        var next = DataStore.Configuration(context)["Fashen:NewKeyEncryptionKey"];
        if (string.IsNullOrWhiteSpace(options.KeyEncryptionKey) || string.IsNullOrWhiteSpace(next))
        {
            context.Error.WriteLine($"请在环境变量中给出现用的密钥加密密钥 Fashen__KeyEncryptionKey 和新的 {NewKeyVariable}（openssl rand -base64 32）。");
            return CliApplication.UsageError;
        }

        var current = EncryptedSharedKeys.ParseKey(options.KeyEncryptionKey);
        var replacement = EncryptedSharedKeys.ParseKey(next);
        if (current.AsSpan().SequenceEqual(replacement))
        {
            context.Error.WriteLine("新的密钥加密密钥与现用的相同。");
            return CliApplication.UsageError;
        }

        using var store = Api.FashenApplication.StoreSettings(options).Open();
        if (store.SharedKeys is not { } stored)
        {
            context.Error.WriteLine("单机部署（LiteDB）的密钥存放在数据文件夹中，没有密钥加密密钥可换；此命令用于 PostgreSQL 多实例部署。");
            return CliApplication.Failure;
        }

        var rotated = new EncryptedSharedKeys(stored, current).RotateTo(replacement);
        var data = new JsonObject { ["keys"] = new JsonArray([.. rotated.Select(n => (JsonNode)n)]) };
        store.Append(new AppendBatch(context.Clock.GetUtcNow(), [new PendingEntry("keys.rotated", null, null, Actor.System, CanonicalJson.Serialize(data))]));
        context.Output.WriteLine($"已用新的密钥加密密钥重新加密 {rotated.Count} 个共享密钥：{string.Join("、", rotated)}。");
        context.Output.WriteLine("请以新的 Fashen__KeyEncryptionKey 重启每个实例；仍用旧密钥启动的实例会拒绝启动。");
        return CliApplication.Success;
    }
}
