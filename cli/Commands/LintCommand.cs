using System.CommandLine;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen lint PATH…</c>: checks catalogues, fact schemas and holiday calendars like a
/// compiler, reporting every problem at once; exits 1 on any error.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CatalogueFiles.PathsArgument("目录清单文件或文件夹（文件夹中的 *.yaml 全部检查）");
        var command = new Command("lint", "检查目录清单、事实表和节假日安排，一次报告全部问题。") { paths };
        command.SetAction(result => Run(context, result.GetValue(paths)!));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths)
    {
        var workspace = CatalogueFiles.LoadAndReport(context, paths);
        var summary = workspace.Diagnostics.Count == 0 ? "没有发现问题" : DiagnosticRenderer.Summary(workspace.Diagnostics);
        context.Output.WriteLine($"检查了 {workspace.FilesChecked} 个文件、{workspace.Catalogues.Count} 个目录清单：{summary}。");
        return workspace.HasErrors ? CliApplication.Failure : CliApplication.Success;
    }
}
