using System.CommandLine;
using System.Globalization;
using Fashen.Api.Publication;
using Fashen.Engine.Changes;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen publish CATALOGUES --out DIR</c>: writes the public catalogues (事前公开) for a
/// government website — a page and a JSON document per department, from one revision — and, with
/// <c>--changes-from</c>, the change summary the legal office signs.</summary>
internal static class PublishCommand
{
    public static Command Create(CliContext context)
    {
        var catalogues = new Argument<string>("目录清单") { Description = "要公开的目录清单：文件夹，或 git 修订:路径（如 main:samples/catalogues）" };
        var output = new Option<string>("--out") { Description = "写入的文件夹", Required = true };
        var on = new Option<string?>("--on") { Description = "公开之日（yyyy-MM-dd），公开当日施行的版本；默认为今天" };
        var changesFrom = new Option<string?>("--changes-from")
        {
            Description = "与此前的版本（文件夹或 git 修订:路径）比较，另写变更说明 changes.html，供法制审核机构负责人签字",
        };
        var command = new Command("publish", "生成向社会公开的目录清单：每个部门一个网页和一份 JSON。")
        {
            catalogues, output, on, changesFrom,
        };
        command.SetAction(result => Run(context, result.GetValue(catalogues)!, result.GetValue(output)!, result.GetValue(on), result.GetValue(changesFrom)));
        return command;
    }

    public static int Run(CliContext context, string cataloguesSpec, string outputPath, string? onText, string? changesFrom)
    {
        var today = DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime);
        if (onText is not null && !DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            context.Error.WriteLine($"命令行错误：--on 的值“{onText}”不是有效日期，请按 yyyy-MM-dd 书写。");
            return CliApplication.UsageError;
        }

        using var revision = CatalogueRevision.Open(context, cataloguesSpec, out var error);
        using var previous = changesFrom is null ? null : CatalogueRevision.Open(context, changesFrom, out error);
        if (revision is null || (changesFrom is not null && previous is null))
        {
            context.Error.WriteLine(error);
            return CliApplication.UsageError;
        }

        var workspace = revision.Load(context);
        var before = previous?.Load(context);
        if (workspace is null || (previous is not null && before is null))
        {
            context.Output.WriteLine("目录清单有错误，未公开。请先修正上面的问题（fashen lint）。");
            return CliApplication.Failure;
        }

        var folder = context.Resolve(outputPath);
        var published = PublicCatalogue.All(workspace.ToCatalogueSet(), today);
        var files = PublicPages.WriteFolder(published, folder).ToList();
        if (before is not null)
        {
            var changes = CatalogueComparison.Compare(before.Catalogues, workspace.Catalogues);
            File.WriteAllText(Path.Combine(folder, "changes.html"), PublicPages.Changes(changes, Output.DiffReport.Name(previous!), Output.DiffReport.Name(revision)));
            files.Add("changes.html");
        }

        context.Output.WriteLine($"已写入 {outputPath}：{published.Count} 个部门的目录清单（{today:yyyy-MM-dd} 施行的版本），共 {files.Count} 个文件：{string.Join("、", files)}。");
        return CliApplication.Success;
    }
}
