using System.CommandLine;
using Fashen.Engine.Classification;
using Fashen.Engine.Testing;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen test PATH…</c>: runs the test cases embedded in catalogues and shows expected
/// against actual for each failure; exits 1 when a catalogue has errors or a case fails.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CatalogueFiles.PathsArgument("目录清单文件或文件夹");
        var command = new Command("test", "运行目录清单中的测试用例。") { paths };
        command.SetAction(result => Run(context, result.GetValue(paths)!));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths)
    {
        var workspace = CatalogueFiles.LoadAndReport(context, paths);
        if (workspace.HasErrors)
        {
            context.Output.WriteLine("目录清单有错误，未运行测试。请先修正上面的问题（fashen lint）。");
            return CliApplication.Failure;
        }

        var total = 0;
        var failed = 0;
        foreach (var catalogue in workspace.Catalogues)
        {
            var results = CatalogueTestRunner.Run(Classifier.Compile(catalogue));
            var failures = results.Where(r => !r.Passed).ToList();
            total += results.Count;
            failed += failures.Count;
            var status = results.Count == 0 ? "没有测试用例" : failures.Count == 0 ? "全部通过" : $"{failures.Count} 个失败";
            context.Output.WriteLine($"{catalogue.Id}（{catalogue.Name} {catalogue.Version}）：{results.Count} 个用例，{status}");
            foreach (var failure in failures)
            {
                context.Output.WriteLine($"  ✗ {failure.Case.Span}: {failure.Case.Name}");
                foreach (var line in failure.Failures)
                {
                    context.Output.WriteLine($"      {line}");
                }

                foreach (var rule in failure.Actual.MatchedRules)
                {
                    context.Output.WriteLine($"      实际命中 {rule.Id}：{rule.Explanation}");
                }
            }
        }

        context.Output.WriteLine($"共 {workspace.Catalogues.Count} 个目录清单、{total} 个用例：{total - failed} 个通过，{failed} 个失败。");
        return failed > 0 ? CliApplication.Failure : CliApplication.Success;
    }
}
