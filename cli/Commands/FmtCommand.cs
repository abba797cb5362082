using System.CommandLine;
using Fashen.Catalogue.Formatter;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen fmt PATH… [--check]</c>: rewrites every condition into the canonical form, in place;
/// with <c>--check</c> only says which files would change and exits 1, for CI.</summary>
internal static class FmtCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CatalogueFiles.PathsArgument("目录清单文件或文件夹（文件夹中的 *.yaml 全部处理）");
        var check = new Option<bool>("--check") { Description = "只检查不改写：有文件需要格式化时以 1 退出（用于 CI）" };
        var command = new Command("fmt", "把目录清单中的条件改写为统一的规范写法，不改变含义。") { paths, check };
        command.SetAction(result => Run(context, result.GetValue(paths)!, result.GetValue(check)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, bool check)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = context.Resolve(path);
            if (Directory.Exists(full))
            {
                files.AddRange(Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                context.Error.WriteLine($"找不到“{path}”。");
                return CliApplication.Failure;
            }
        }

        var unformatted = 0;
        var failed = 0;
        foreach (var file in files.Distinct())
        {
            var display = Path.GetRelativePath(context.WorkingDirectory, file).Replace('\\', '/');
            var source = new SourceText(display, File.ReadAllText(file));
            var formatted = CatalogueFormatter.Format(source);
            if (!formatted.Formatted)
            {
                context.Error.Write(DiagnosticRenderer.Render(formatted.Diagnostics, p => p == display ? source : null));
                failed++;
                continue;
            }

            if (formatted.Changed == 0)
            {
                continue;
            }

            unformatted++;
            if (check)
            {
                context.Output.WriteLine($"需要格式化：{display}（{formatted.Changed} 处条件）");
                continue;
            }

            // Whole or not at all: the new text goes to a file beside it, then replaces it.
            var temporary = file + ".fmt";
            File.WriteAllText(temporary, formatted.Text);
            File.Move(temporary, file, overwrite: true);
            context.Output.WriteLine($"已格式化：{display}（改写 {formatted.Changed} 处条件）");
        }

        var summary = (check, unformatted) switch
        {
            (_, 0) => "条件均已是规范写法",
            (true, _) => $"{unformatted} 个文件需要格式化，请运行 fashen fmt {string.Join(' ', paths)}",
            _ => $"{unformatted} 个文件已格式化",
        };
        context.Output.WriteLine($"检查了 {files.Count} 个文件：{summary}{(failed > 0 ? $"；{failed} 个文件有语法错误，未处理" : string.Empty)}。");
        return failed > 0 || (check && unformatted > 0) ? CliApplication.Failure : CliApplication.Success;
    }
}
