using System.CommandLine;
using System.Globalization;
using Fashen.Catalogue.Diagnostics;
using Fashen.Cli.Output;
using Fashen.Engine.Changes;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen diff OLD NEW [--decisions FILE.jsonl]</c>: what changed between two revisions of the
/// catalogues, in plain Chinese, and which past decisions the change would have classified differently,
/// grouped by rule — the report a legal office reads before merging a change.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var before = new Argument<string>("旧版本") { Description = "修改前的目录清单：文件夹，或 git 修订:路径（如 main:samples/catalogues）" };
        var after = new Argument<string>("新版本") { Description = "修改后的目录清单：文件夹，或 git 修订:路径" };
        var decisions = new Option<string?>("--decisions") { Description = "过往决定文件（JSON Lines，每行一项决定，格式见 docs/decisions.md）" };
        var on = new Option<string?>("--on")
        {
            Description = "按此日期（yyyy-MM-dd）施行的版本判定全部决定，用于预判新版本对以往决定的影响；默认按每项决定自己的日期",
        };
        var all = new Option<bool>("--all") { Description = "列出受影响的每一项决定（默认每个条目列出前 5 项）" };
        var format = new Option<string>("--format") { Description = "输出格式：text（默认）或 json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diff", "比较两个版本的目录清单：变更说明，以及对过往决定判定结果的影响。")
        {
            before, after, decisions, on, all, format,
        };
        command.SetAction(result => Run(
            context,
            result.GetValue(before)!,
            result.GetValue(after)!,
            result.GetValue(decisions),
            result.GetValue(on),
            result.GetValue(all),
            result.GetValue(format) == "json"));
        return command;
    }

    public static int Run(CliContext context, string beforeSpec, string afterSpec, string? decisionsPath, string? onText, bool all, bool json)
    {
        DateOnly? on = null;
        if (onText is not null)
        {
            if (!DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                context.Error.WriteLine($"命令行错误：--on 的值“{onText}”不是有效日期，请按 yyyy-MM-dd 书写。");
                return CliApplication.UsageError;
            }

            on = day;
        }

        using var before = CatalogueRevision.Open(context, beforeSpec, out var beforeError);
        using var after = CatalogueRevision.Open(context, afterSpec, out var afterError);
        if (before is null || after is null)
        {
            context.Error.WriteLine(beforeError ?? afterError);
            return CliApplication.UsageError;
        }

        var old = before.Load(context);
        var now = after.Load(context);
        if (old is null || now is null)
        {
            context.Output.WriteLine("目录清单有错误，未比较。请先修正上面的问题（fashen lint）。");
            return CliApplication.Failure;
        }

        var report = new DiffReport(before, after, CatalogueComparison.Compare(old.Catalogues, now.Catalogues));
        var exit = CliApplication.Success;
        if (decisionsPath is not null)
        {
            var full = context.Resolve(decisionsPath);
            var display = Path.GetRelativePath(context.WorkingDirectory, full).Replace('\\', '/');
            if (!File.Exists(full))
            {
                context.Error.Write(DiagnosticRenderer.Render([CatalogueDiagnostics.FileNotFound(SourceSpan.FileOnly(display), "决定文件", decisionsPath)], _ => null));
                return CliApplication.Failure;
            }

            var source = new SourceText(display, File.ReadAllText(full));
            var lines = DecisionLines.Read(display, source.Text);
            if (lines.Unreadable > 0)
            {
                context.Error.Write(DiagnosticRenderer.Render(lines.Diagnostics, path => path == display ? source : null));
                context.Error.WriteLine($"{display}：{lines.Unreadable} 行不是有效的决定，已跳过。");
                exit = CliApplication.Failure;
            }

            report = report with
            {
                DecisionsFile = display,
                Unreadable = lines.Unreadable,
                On = on,
                Impact = ImpactAnalysis.Run(old.ToCatalogueSet(), now.ToCatalogueSet(), lines.Decisions, on),
            };
        }

        context.Output.Write(json ? DiffJson.Write(report) : DiffText.Write(report, all ? int.MaxValue : 5));
        return exit;
    }
}
