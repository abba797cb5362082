using System.CommandLine;
using Fashen.Catalogue.Loading;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen lint PATH…</c>: checks catalogues, fact schemas and holiday calendars like a
/// compiler, reporting every problem at once; exits 1 on any error.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("路径")
        {
            Description = "目录清单文件或文件夹（文件夹中的 *.yaml 全部检查）",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("lint", "检查目录清单、事实表和节假日安排，一次报告全部问题。") { paths };
        command.SetAction(result => Run(context, result.GetValue(paths)!));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths)
    {
        var workspace = CatalogueWorkspace.Load(paths, baseDirectory: context.WorkingDirectory);
        if (workspace.Diagnostics.Count > 0)
        {
            context.Error.Write(DiagnosticRenderer.Render(workspace.Diagnostics, workspace.Source));
        }

        var summary = workspace.Diagnostics.Count == 0 ? "没有发现问题" : DiagnosticRenderer.Summary(workspace.Diagnostics);
        context.Output.WriteLine($"检查了 {workspace.FilesChecked} 个文件、{workspace.Catalogues.Count} 个目录清单：{summary}。");
        return workspace.HasErrors ? CliApplication.Failure : CliApplication.Success;
    }
}
