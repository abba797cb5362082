using System.Net;
using System.Text;
using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Engine.Changes;

namespace Fashen.Api.Publication;

/// <summary>Writes the public catalogues as a folder for a government website — <c>index.html</c>, one
/// <c>{id}.html</c> and <c>{id}.json</c> per department, and <c>catalogues.json</c> — and the change summary
/// the legal office signs. The service serves the same files under <c>/public/catalogues/</c>, so links are relative.</summary>
public static class PublicPages
{
    /// <summary>Gets the page styles: plain, printable, readable on a phone.</summary>
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;line-height:1.7;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
        th,td{border:1px solid #767676;padding:.4rem .6rem;vertical-align:top;text-align:left}th{background:#eef1f5}
        .meta{color:#444}.id{white-space:nowrap}a{color:#0b4f9c}.sign{margin-top:3rem;line-height:3}
        @media print{a{color:inherit;text-decoration:none}}
        """;

    /// <summary>Writes one department's catalogue as JSON.</summary>
    /// <param name="catalogue">The public catalogue.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(PublicCatalogue catalogue) => JsonSerializer.Serialize(catalogue, ReadableJson.Options) + "\n";

    /// <summary>Writes every department's catalogue as one JSON document.</summary>
    /// <param name="catalogues">The public catalogues.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IReadOnlyList<PublicCatalogue> catalogues) => JsonSerializer.Serialize(catalogues, ReadableJson.Options) + "\n";

    /// <summary>Writes the index page: every department, its version and the number of rules.</summary>
    /// <param name="catalogues">The public catalogues.</param>
    /// <returns>The HTML text.</returns>
    public static string Index(IReadOnlyList<PublicCatalogue> catalogues)
    {
        var rows = new StringBuilder();
        foreach (var c in catalogues)
        {
            rows.Append($"<tr><td><a href=\"{E(c.Department)}.html\">{E(c.Name)}</a></td><td>{E(c.Version)}</td><td>{E(Period(c.EffectiveFrom, c.EffectiveTo))}</td><td>{c.Rules.Count}</td><td><a href=\"{E(c.Department)}.json\">JSON</a></td></tr>\n");
        }

        return Page("重大执法决定法制审核目录清单", $"""
            <h1>重大执法决定法制审核目录清单</h1>
            <p>下列执法决定属于重大执法决定，作出前须经本部门法制审核机构审核；未经法制审核或者审核未通过的，不得作出决定。</p>
            <table>
            <thead><tr><th scope="col">部门</th><th scope="col">版本</th><th scope="col">施行期间</th><th scope="col">条目数</th><th scope="col">数据</th></tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            <p class="meta"><a href="catalogues.json">全部目录清单（JSON）</a></p>
            """);
    }

    /// <summary>Writes one department's catalogue page.</summary>
    /// <param name="c">The public catalogue.</param>
    /// <returns>The HTML text.</returns>
    public static string Department(PublicCatalogue c)
    {
        var rules = new StringBuilder();
        foreach (var rule in c.Rules)
        {
            var extra = new List<string>();
            if (rule.Materials.Count > 0)
            {
                extra.Add("另须报送：" + string.Join("；", rule.Materials));
            }

            if (rule.CounselOpinion)
            {
                extra.Add("须听取法律顾问、公职律师意见");
            }

            rules.Append($"""
                <tr><td class="id">{E(rule.Id)}</td><td>{E(rule.Title)}<br><small>{E(string.Join("、", rule.Actions))}</small></td><td>{E(rule.Criteria)}{(extra.Count > 0 ? "<br><small>" + E(string.Join("；", extra)) + "</small>" : string.Empty)}</td><td>{E(string.Join("；", rule.Basis))}</td><td>{rule.DeadlineWorkingDays} 个工作日</td></tr>

                """);
        }

        var points = string.Join("\n", c.ReviewPoints.Select(p => $"<li><strong>{E(p.Title)}</strong>：{E(p.Question)}</li>"));
        var materials = string.Join("\n", c.Materials.Select(m => $"<li>{E(m)}</li>"));
        var versions = string.Join("\n", c.Versions.Select(v => $"<li>{E(v.Version)}（{E(Period(v.EffectiveFrom, v.EffectiveTo))}）{(v.InForce ? "，现行" : string.Empty)}</li>"));
        var baseline = c.Extends is null ? string.Empty : $"，在上级基准目录 {E(c.Extends)} 的基础上制定";
        var commit = c.Commit is null ? string.Empty : $"，提交 {E(c.Commit)}";
        var extension = c.ExtensionWorkingDays > 0 ? $"，情况复杂的经法制审核机构负责人批准可延长 {c.ExtensionWorkingDays} 个工作日" : string.Empty;
        return Page($"{c.Name}重大执法决定法制审核目录清单", $"""
            <p><a href="index.html">全部部门</a></p>
            <h1>{E(c.Name)}<br>重大执法决定法制审核目录清单</h1>
            <p class="meta">版本 {E(c.Version)}，{E(Period(c.EffectiveFrom, c.EffectiveTo))}{baseline}。修订 {E(c.Revision)}{commit}。</p>
            <p>法制审核一般应在收到完整送审材料之日起 {c.DeadlineWorkingDays} 个工作日内完成{extension}。</p>
            <h2>目录条目</h2>
            <table>
            <thead><tr><th scope="col">编号</th><th scope="col">重大执法决定事项</th><th scope="col">认定标准</th><th scope="col">依据</th><th scope="col">审核时限</th></tr></thead>
            <tbody>
            {rules}</tbody>
            </table>
            <h2>审核要点</h2>
            <ul>
            {points}
            </ul>
            <h2>送审材料</h2>
            <ul>
            {materials}
            </ul>
            <h2>版本</h2>
            <ul>
            {versions}
            </ul>
            <p class="meta"><a href="{E(c.Department)}.json">本目录清单的数据（JSON）</a></p>
            """);
    }

    /// <summary>Writes the change summary between two revisions as a page the legal office signs.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="from">The old revision, as named.</param>
    /// <param name="to">The new revision, as named.</param>
    /// <returns>The HTML text.</returns>
    public static string Changes(IReadOnlyList<CatalogueChange> changes, string from, string to)
    {
        var body = new StringBuilder();
        foreach (var department in changes.GroupBy(c => (c.Department, c.Name)))
        {
            body.Append($"<h2>{E(department.Key.Name)}（{E(department.Key.Department)}）</h2>\n");
            foreach (var change in department)
            {
                body.Append($"<h3>{E(change.Heading)}</h3>\n<ol>\n");
                body.Append(string.Concat(change.Changes.Select(line => $"<li>{E(line)}</li>\n")));
                body.Append("</ol>\n");
            }
        }

        if (changes.Count == 0)
        {
            body.Append("<p>两个版本的目录清单内容相同。</p>\n");
        }

        return Page("目录清单变更说明", $"""
            <h1>重大执法决定法制审核目录清单变更说明</h1>
            <p class="meta">由 {E(from)} 变更为 {E(to)}。</p>
            {body}
            <p class="sign">法制审核机构负责人（签字）：________________　　日期：____年__月__日</p>
            """);
    }

    /// <summary>Builds every page and JSON document of the public site: the index and the list of all catalogues,
    /// then each department's page and document.</summary>
    /// <param name="catalogues">The public catalogues.</param>
    /// <returns>Each file's name and text.</returns>
    public static IReadOnlyList<(string Name, string Text)> Files(IReadOnlyList<PublicCatalogue> catalogues)
    {
        var files = new List<(string Name, string Text)> { ("index.html", Index(catalogues)), ("catalogues.json", ToJson(catalogues)) };
        foreach (var c in catalogues)
        {
            files.Add(($"{c.Department}.html", Department(c)));
            files.Add(($"{c.Department}.json", ToJson(c)));
        }

        return files;
    }

    /// <summary>Writes every page and JSON document into a folder, for a government website.</summary>
    /// <param name="catalogues">The public catalogues.</param>
    /// <param name="folder">The folder; created when missing.</param>
    /// <returns>The names of the files written.</returns>
    public static IReadOnlyList<string> WriteFolder(IReadOnlyList<PublicCatalogue> catalogues, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = Files(catalogues);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return files.Select(f => f.Name).ToList();
    }

    private static string Period(string from, string? to) => to is null ? $"{from} 起施行" : $"{from} 至 {to}";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>

        """;
}
