using System.CommandLine;
using System.Globalization;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Loading;
using Fashen.Cli.Output;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen classify --catalogues DIR DECISION.json</c>: tells whether a decision is major,
/// why, what to check and submit, and by when.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var decision = new Argument<string>("决定文件") { Description = "决定的 JSON 文件（格式见 docs/decisions.md）" };
        var catalogues = new Option<string>("--catalogues")
        {
            Description = "目录清单所在的文件夹",
            Required = true,
        };
        var submittedOn = new Option<string?>("--submitted-on")
        {
            Description = "送审材料齐备的日期（yyyy-MM-dd），审核时限从次日起算；默认为今天",
        };
        var calendar = new Option<string?>("--calendar")
        {
            Description = "节假日安排文件；默认在目录清单文件夹及其上级查找 holidays.yaml",
        };
        var format = new Option<string>("--format")
        {
            Description = "输出格式：text（默认）或 json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("classify", "判定一项拟作出的执法决定是否属于重大执法决定。")
        {
            decision, catalogues, submittedOn, calendar, format,
        };
        command.SetAction(result => Run(
            context,
            result.GetValue(catalogues)!,
            result.GetValue(decision)!,
            result.GetValue(submittedOn),
            result.GetValue(calendar),
            result.GetValue(format) == "json"));
        return command;
    }

    public static int Run(CliContext context, string cataloguesPath, string decisionPath, string? submittedOn, string? calendarPath, bool json)
    {
        DateOnly materialsComplete;
        if (submittedOn is null)
        {
            materialsComplete = DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime);
        }
        else if (!DateOnly.TryParseExact(submittedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out materialsComplete))
        {
            context.Error.WriteLine($"命令行错误：--submitted-on 的值“{submittedOn}”不是有效日期，请按 yyyy-MM-dd 书写。");
            return CliApplication.UsageError;
        }

        var workspace = CatalogueWorkspace.Load([cataloguesPath], calendarPath, context.WorkingDirectory);
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        SourceText? Lookup(string path) => workspace.Source(path) ?? sources.GetValueOrDefault(path);
        int Fail(IReadOnlyList<Diagnostic> diagnostics)
        {
            context.Error.Write(DiagnosticRenderer.Render(diagnostics, Lookup));
            return CliApplication.Failure;
        }

        if (workspace.HasErrors)
        {
            return Fail(workspace.Diagnostics);
        }

        var displayPath = Path.GetRelativePath(context.WorkingDirectory, context.Resolve(decisionPath)).Replace('\\', '/');
        if (!File.Exists(context.Resolve(decisionPath)))
        {
            return Fail([CatalogueDiagnostics.FileNotFound(SourceSpan.FileOnly(displayPath), "决定文件", decisionPath)]);
        }

        var source = new SourceText(displayPath, File.ReadAllText(context.Resolve(decisionPath)));
        sources[displayPath] = source;
        var read = DecisionJsonReader.Read(source);
        if (read.Value is not { } raw)
        {
            return Fail(read.Diagnostics);
        }

        // The version in force on the decision's governing date; without one, on the day materials are complete.
        var choice = workspace.ToCatalogueSet().Choose(raw, materialsComplete);
        if (choice.Value is not { } chosen)
        {
            return Fail(choice.Diagnostics);
        }

        var bound = DecisionBinder.Bind(raw, chosen.Classifier.Catalogue.Schema);
        if (bound.Value is not { } boundDecision)
        {
            return Fail(bound.Diagnostics);
        }

        var options = new ClassificationOptions(materialsComplete, workspace.Calendar, DateOrigin: SourceSpan.FileOnly("--submitted-on"));
        var result = chosen.Classifier.Classify(boundDecision, options);
        result = result with { Catalogue = result.Catalogue with { ChosenBy = chosen.Reason } };
        context.Output.Write(json ? ClassificationJson.Write(result) : ClassificationText.Write(result, workspace.Calendar is null));
        if (result.Diagnostics.Count > 0)
        {
            context.Error.Write(DiagnosticRenderer.Render(result.Diagnostics, Lookup));
        }

        // A decision that breaks a form the law requires is a wrong decision: exit 1, as for one that cannot be read.
        return result.Diagnostics.Any(d => d.IsError) || result.Kind == ClassificationKind.Unlawful ? CliApplication.Failure : CliApplication.Success;
    }
}
