using System.CommandLine;
using Fashen.Catalogue.Import;
using Fashen.Catalogue.Schema;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen import FILE --department ID --name 名称 [--output draft.yaml]</c>: a published catalogue (pasted text, an
/// HTML page, a CSV or a Word file) to a draft catalogue, with how many rows were read fully, partly and not at all.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("source") { Description = "已公布的目录清单：文本（.txt，每项一行）、网页（.html）、表格（.csv）或 Word 文件（.docx）" };
        var facts = new Option<string>("--facts") { Description = "事实表（含说法表 phrases）", DefaultValueFactory = _ => "samples/facts.yaml" };
        var department = new Option<string>("--department") { Description = "部门编号，如 scjg", DefaultValueFactory = _ => "draft" };
        var name = new Option<string>("--name") { Description = "部门全称", DefaultValueFactory = _ => "（部门全称）" };
        var output = new Option<string?>("--output") { Description = "把草稿写到此文件；不写则输出到标准输出" };
        var command = new Command("import", "把已公布的目录清单读成目录清单草稿：原文作标题，按常见句式读出条件，未能读取的部分写成注释，每条标为草稿待核对。")
        {
            source, facts, department, name, output,
        };
        command.SetAction(result => Run(
            context, result.GetValue(source)!, result.GetValue(facts)!, result.GetValue(department)!, result.GetValue(name)!, result.GetValue(output)));
        return command;
    }

    public static int Run(CliContext context, string sourcePath, string factsPath, string departmentId, string departmentName, string? outputPath)
    {
        var file = context.Resolve(sourcePath);
        var factsFile = context.Resolve(factsPath);
        foreach (var (path, given) in new[] { (file, sourcePath), (factsFile, factsPath) })
        {
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"找不到“{given}”。");
                return CliApplication.Failure;
            }
        }

        var schema = FactSchemaLoader.Load(new SourceText(factsPath, File.ReadAllText(factsFile)));
        if (!schema.Succeeded)
        {
            context.Error.Write(DiagnosticRenderer.Render(schema.Diagnostics, _ => null));
            return CliApplication.Failure;
        }

        IReadOnlyList<string> rows;
        try
        {
            rows = PublishedTable.ReadFile(file);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException or FormatException or InvalidOperationException)
        {
            context.Error.WriteLine($"无法读取“{sourcePath}”：{exception.Message}");
            return CliApplication.Failure;
        }

        if (rows.Count == 0)
        {
            context.Error.WriteLine($"“{sourcePath}”中没有找到目录条目。");
            return CliApplication.Failure;
        }

        var today = ReviewOptions.LocalDay(context.Clock.GetUtcNow(), new ReviewOptions().TimeZone);
        var result = CatalogueImporter.Import(rows, schema.Value!, new ImportTarget(departmentId, departmentName, today, Path.GetFileName(file)));
        if (outputPath is null)
        {
            context.Output.Write(result.Yaml);
        }
        else
        {
            File.WriteAllText(context.Resolve(outputPath), result.Yaml);
        }

        var (full, partial, none) = result.Counts;
        var summary = context.Error;
        summary.WriteLine($"读取了 {rows.Count} 行：完整读取 {full} 行，部分读取 {partial} 行，未能读取 {none} 行。");
        summary.WriteLine("草稿中的每条规则都标有 draft: true：请对照原文核对条件和注释，确认后删去该行（fashen lint 在此之前报 FS3048 警告）。");
        return CliApplication.Success;
    }
}
