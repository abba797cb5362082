using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Tests.Diagnostics;

public class DiagnosticRendererTests
{
    [Fact]
    public void Render_ChineseLine_CaretsCoverWideCharacters()
    {
        var source = new SourceText("c.yaml", "    when: 罚款金颔 >= 5万元\n");
        var diagnostic = Diagnostic.Error("FS3002", "未知的事实“罚款金颔”。", source.GetSpan(new TextSpan(10, 4)));

        var text = DiagnosticRenderer.Render([diagnostic], _ => source);

        Assert.Equal(
            """
            1 个错误
            c.yaml:1:11: error FS3002: 未知的事实“罚款金颔”。
                    when: 罚款金颔 >= 5万元
                          ^^^^^^^^

            """.Replace("\r\n", "\n"),
            text);
    }

    [Fact]
    public void Render_SeveralFiles_SortsByFileLineColumnThenCode()
    {
        var a = Diagnostic.Error("FS2002", "m", new SourceSpan("b.yaml", 1, 1, 1, 2));
        var b = Diagnostic.Error("FS2001", "m", new SourceSpan("a.yaml", 9, 1, 9, 2));
        var c = Diagnostic.Warning("FS3021", "m", new SourceSpan("a.yaml", 2, 5, 2, 6));
        var d = Diagnostic.Error("FS1001", "m", new SourceSpan("a.yaml", 2, 5, 2, 6));

        var sorted = Diagnostic.Sort([a, b, c, d]);

        Assert.Equal(["FS1001", "FS3021", "FS2001", "FS2002"], sorted.Select(x => x.Code));
        Assert.Equal("3 个错误，1 个警告", DiagnosticRenderer.Summary(sorted.ToList()));
    }

    [Fact]
    public void Render_FileWithoutPosition_ShowsOnlyFile()
    {
        var text = DiagnosticRenderer.Render([Diagnostic.Error("FS2017", "找不到。", SourceSpan.FileOnly("x.yaml"))], _ => null);
        Assert.Equal("1 个错误\nx.yaml: error FS2017: 找不到。\n", text);
    }

    [Fact]
    public void Render_ConditionCorpus_MatchesBaselines()
    {
        Baseline.Match(ParseCorpus("language-tour.threshold"), Repository.Samples("conditions", "language-tour.ast.txt"));
        Baseline.Match(ParseCorpus("InvalidConditions.threshold"), Repository.Samples("conditions", "InvalidConditions.diagnostics.txt"));
    }

    // Each non-comment line is one condition, parsed in place so that positions are the file's own.
    private static string ParseCorpus(string name)
    {
        var path = Repository.Samples("conditions", name);
        var file = new SourceText("samples/conditions/" + name, File.ReadAllText(path));
        var output = new System.Text.StringBuilder();
        var diagnostics = new List<Diagnostic>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            var text = file.GetLineText(line);
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var start = file.GetLineStart(line);
            var fragment = SourceFragment.Mapped(file, text, Enumerable.Range(start, text.Length).ToArray());
            var result = ConditionParser.Parse(fragment);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Syntax is not null)
            {
                output.Append(text).Append('\n').Append("  => ").Append(Parsing.SyntaxDump.Print(result.Syntax)).Append('\n');
            }
        }

        return output + DiagnosticRenderer.Render(diagnostics, _ => file);
    }
}
