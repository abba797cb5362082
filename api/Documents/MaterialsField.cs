using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Documents;

namespace Fashen.Api.Documents;

/// <summary>The <c>materials</c> of a submission: each a name (<c>"证据材料"</c>, attached on paper or in another system), or a
/// name with its files, uploaded before by their SHA-256:
/// <c>{"name": "案件调查终结报告", "files": [{"sha256": "…", "fileName": "调查终结报告.pdf"}]}</c>.</summary>
public static class MaterialsField
{
    /// <summary>The most files one material names.</summary>
    public const int MaxFilesPerMaterial = 200;

    /// <summary>The longest file name kept for display.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Reads the materials: their names, and the files named for them.</summary>
    /// <param name="json">The request body.</param>
    /// <param name="problem">What is wrong, in Chinese, or null.</param>
    /// <returns>The names and the files; empty when the member is absent.</returns>
    public static (IReadOnlyList<string> Names, IReadOnlyList<DocumentReference> Files) Read(JsonNode json, out string? problem)
    {
        problem = null;
        var names = new List<string>();
        var files = new List<DocumentReference>();
        if (json["materials"] is not { } node)
        {
            return (names, files);
        }

        if (node is not JsonArray items)
        {
            problem = "“materials”应为列表：每项是材料名称，或 {\"name\": 材料名称, \"files\": [{\"sha256\": …, \"fileName\": …}]}。";
            return (names, files);
        }

        foreach (var item in items)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                names.Add(value.GetValue<string>());
                continue;
            }

            if (item is not JsonObject material || material["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String
                || material.Any(p => p.Key is not ("name" or "files")))
            {
                problem = "“materials”的每项是材料名称，或只含 name 和 files 的对象。";
                return (names, files);
            }

            var name = nameValue.GetValue<string>().Trim();
            names.Add(name);
            if (material["files"] is null)
            {
                continue;
            }

            if (material["files"] is not JsonArray list || list.Count > MaxFilesPerMaterial)
            {
                problem = $"材料“{name}”的 files 应为列表，最多 {MaxFilesPerMaterial} 个文件。";
                return (names, files);
            }

            foreach (var file in list)
            {
                var sha = (file as JsonObject)?["sha256"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
                var fileName = (file as JsonObject)?["fileName"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
                if (sha is not { Length: 64 } || !sha.All(char.IsAsciiHexDigit) || file is JsonObject extra && extra.Any(p => p.Key is not ("sha256" or "fileName")))
                {
                    problem = $"材料“{name}”的文件应写为 {{\"sha256\": 64 位十六进制, \"fileName\": 文件名}}（先用 PUT /v1/files/{{sha256}} 上传）。";
                    return (names, files);
                }

                // The name is shown, never used as a path: whatever folders it carries are dropped, and characters nobody sees.
                var shown = new string(Path.GetFileName((fileName ?? sha[..12]).Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
                if (shown.Length is 0 or > MaxFileNameLength)
                {
                    problem = $"材料“{name}”的文件名应为 1 至 {MaxFileNameLength} 个字符。";
                    return (names, files);
                }

                files.Add(new DocumentReference(name, sha.ToLowerInvariant(), shown));
            }
        }

        return (names, files);
    }
}
