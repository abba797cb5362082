using System.CommandLine;
using Fashen.Engine.Integrity;
using Fashen.Engine.Records;
using Fashen.Store;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen audit verify</c>: checks the whole tamper-evident record, in a data folder or in the
/// PostgreSQL database the environment names.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "数据文件夹（使用 PostgreSQL 时由环境变量 Fashen__Store、Fashen__PostgreSql 指定数据库）", DefaultValueFactory = _ => ".fashen-data" };
        var anchors = new Option<string[]>("--anchor")
        {
            Description = "此前留存的“序号:链头”（上次校验时打印），可多次给出：核对这些记录未被改写，发现连同哈希一起重算的整体改写",
        };
        var verify = new Command("verify", "逐条校验全过程记录的哈希链：发现删除、改动或插入的记录。") { data, anchors };
        verify.SetAction(result => Verify(context, result.GetValue(data)!, result.GetValue(anchors) ?? []));
        return new Command("audit", "全过程记录。") { verify };
    }

    public static int Verify(CliContext context, string dataFolder, IReadOnlyList<string>? anchorTexts = null)
    {
        if (!ChainAnchor.TryParseAll(anchorTexts ?? [], out var anchors, out var malformed))
        {
            context.Error.WriteLine($"命令行错误：--anchor 的值“{malformed}”应为上次校验打印的“序号:链头”，例如 1024:sha256:后跟 64 位十六进制数。");
            return CliApplication.UsageError;
        }

        var settings = DataStore.Settings(context, dataFolder);
        if (settings.Kind == StoreKind.LiteDb && !File.Exists(Path.Combine(settings.DataFolder, LiteDbStore.FileName)))
        {
            context.Error.WriteLine($"数据文件夹“{dataFolder}”中没有记录（{LiteDbStore.FileName}）。");
            return CliApplication.Failure;
        }

        try
        {
            using var store = settings.Open();
            var audit = RecordAudit.Run(store, anchors);
            var verification = audit.Chain;
            if (audit.Valid)
            {
                var checkedAnchors = anchors.Count > 0 ? $"与留存的 {anchors.Count} 个链头相符，" : string.Empty;
                context.Output.WriteLine($"全过程记录完整：共 {verification.EntriesVerified} 条，哈希链无断裂，{checkedAnchors}每个审核的状态和每张许可凭证与记录相符，链头 {verification.Head}");
                if (verification.Anchor is { } anchor)
                {
                    context.Output.WriteLine($"请在本系统之外留存（例如写入月度报告）：{anchor}，日后用 --anchor 核对记录未被整体改写。");
                }

                return CliApplication.Success;
            }

            if (!verification.Valid)
            {
                context.Output.WriteLine($"全过程记录被改动过：{verification.Problem}（前 {verification.EntriesVerified} 条完好）");
            }

            foreach (var discrepancy in audit.Discrepancies)
            {
                var subject = discrepancy.PermitId is { } permit ? $"许可凭证 {permit}" : $"审核 {discrepancy.ReviewId}";
                context.Output.WriteLine($"{subject}：{discrepancy.Problem}");
            }

            return CliApplication.Failure;
        }
        catch (DataFolderInUseException exception)
        {
            context.Error.WriteLine($"{exception.Message}服务运行时，可由法制机构管理员调用 GET /v1/record/verification 校验。");
            return CliApplication.Failure;
        }
    }
}
