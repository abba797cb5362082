using System.CommandLine;
using System.Globalization;
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
        var coverage = new Option<bool>("--coverage") { Description = "报告条目覆盖率：没有用例期望或命中的条目、无法生成边界用例的阈值" };
        var minimum = new Option<decimal?>("--min-coverage")
        {
            Description = "要求每个目录清单中至少有此百分比（0–100）的条目被用例命中，否则失败；隐含 --coverage",
        };
        minimum.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<decimal?>() is { } value && (value < 0 || value > 100))
            {
                result.AddError("--min-coverage 应为 0 到 100 之间的百分比。");
            }
        });
        var command = new Command("test", "运行目录清单中的测试用例，并在每个阈值两侧生成边界用例检查含/不含本数。") { paths, coverage, minimum };
        command.SetAction(result => Run(context, result.GetValue(paths)!, result.GetValue(coverage) || result.GetValue(minimum) is not null, result.GetValue(minimum)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, bool showCoverage = false, decimal? minimum = null)
    {
        var workspace = CatalogueFiles.LoadAndReport(context, paths);
        if (workspace.HasErrors)
        {
            context.Output.WriteLine("目录清单有错误，未运行测试。请先修正上面的问题（fashen lint）。");
            return CliApplication.Failure;
        }

        var total = 0;
        var failed = 0;
        var boundaries = 0;
        var boundaryFailures = 0;
        var belowMinimum = new List<string>();
        foreach (var catalogue in workspace.Catalogues)
        {
            var classifier = Classifier.Compile(catalogue);
            var results = CatalogueTestRunner.Run(classifier);
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

            var coverage = CatalogueCoverage.Measure(classifier, results);
            var generated = coverage.Boundaries.Where(b => b.Generated).ToList();
            boundaries += generated.Sum(b => b.Points.Count);
            boundaryFailures += generated.Count(b => !b.Passed);
            WriteBoundaries(context, generated);
            if (showCoverage)
            {
                WriteCoverage(context, coverage);
            }

            if (minimum is { } required && coverage.Percent < required)
            {
                belowMinimum.Add($"{catalogue.Id} {catalogue.Version} 的条目覆盖率 {coverage.Percent:0.#}% 低于要求的 {required:0.#}%。");
            }
        }

        context.Output.WriteLine($"共 {workspace.Catalogues.Count} 个目录清单、{total} 个用例：{total - failed} 个通过，{failed} 个失败。");
        context.Output.WriteLine($"边界用例 {boundaries} 个：{(boundaryFailures == 0 ? "全部符合所声明的含/不含本数" : $"{boundaryFailures} 个阈值与所声明的含/不含本数不符")}。");
        foreach (var line in belowMinimum)
        {
            context.Output.WriteLine($"✗ {line}");
        }

        return failed > 0 || boundaryFailures > 0 || belowMinimum.Count > 0 ? CliApplication.Failure : CliApplication.Success;
    }

    private static void WriteBoundaries(CliContext context, IReadOnlyList<BoundaryCheck> generated)
    {
        foreach (var check in generated.Where(b => !b.Passed))
        {
            context.Output.WriteLine($"  ✗ 边界 {check.RuleId} {check.Boundary}（以用例“{check.BaseCase}”为基础）");
            foreach (var point in check.Points.Where(p => p.Expected != p.Actual))
            {
                context.Output.WriteLine($"      {point.Point} {point.Value.ToString("#,0.##", CultureInfo.InvariantCulture)}：应{(point.Expected ? "命中" : "不命中")}，实际{(point.Actual ? "命中" : "未命中")}");
            }
        }
    }

    private static void WriteCoverage(CliContext context, CatalogueCoverage coverage)
    {
        context.Output.WriteLine($"  覆盖率：{coverage.Rules} 个条目中 {coverage.Rules - coverage.NeverMatched.Count} 个有用例命中（{coverage.Percent:0.#}%）");
        if (coverage.NeverExpected.Count > 0)
        {
            context.Output.WriteLine($"    没有用例期望命中的条目：{string.Join("、", coverage.NeverExpected)}");
        }

        if (coverage.NeverMatched.Count > 0)
        {
            context.Output.WriteLine($"    没有用例实际命中的条目：{string.Join("、", coverage.NeverMatched)}");
        }

        foreach (var check in coverage.Boundaries.Where(b => !b.Generated))
        {
            context.Output.WriteLine($"    无法生成边界用例：{check.RuleId} {check.Boundary}——没有用例能让该数额单独决定是否命中，请补充一个恰好命中该条目的用例。");
        }
    }
}
