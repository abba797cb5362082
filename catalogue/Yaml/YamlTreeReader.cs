using Fashen.Catalogue.Diagnostics;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Fashen.Catalogue.Yaml;

/// <summary>Reads a YAML file into <see cref="YamlNode"/>s that remember their exact place, reporting
/// duplicate keys and extra documents instead of throwing.</summary>
/// <remarks>Built on YamlDotNet's event parser rather than its object model because the object
/// model stops at the first duplicate key and keeps no scalar styles.</remarks>
public static class YamlTreeReader
{
    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Reads a file's single document.</summary>
    /// <param name="source">The file.</param>
    /// <returns>The root node (null for an empty file or a syntax error) and every diagnostic.</returns>
    public static (YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText source)
    {
        var diagnostics = new List<Diagnostic>();
        var builder = new Builder(source, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(source.Text));
            parser.Consume<StreamStart>();
            YamlNode? root = null;
            var documents = 0;
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                documents++;
                if (documents == 2)
                {
                    diagnostics.Add(CatalogueDiagnostics.MultipleDocuments(source.GetSpan(new TextSpan(Offset(start.Start), 3))));
                }

                var node = builder.ReadNode(parser, depth: 0);
                root ??= node;
                parser.Consume<DocumentEnd>();
            }

            return (root is YamlScalar { IsNull: true } ? null : root, diagnostics);
        }
        catch (YamlException exception)
        {
            var offset = Math.Min(Offset(exception.Start), Math.Max(0, source.Text.Length - 1));
            var message = exception.InnerException?.Message ?? exception.Message;
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(source.Text) is { } tab)
            {
                // YamlDotNet marks the start of the mapping; the tab itself is what the author must find.
                offset = tab;
            }

            diagnostics.Add(CatalogueDiagnostics.YamlSyntax(source.GetSpan(new TextSpan(offset, 1)), Translate(message)));
            return (null, diagnostics);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow collection ([ or {): point
            // at the last one opened.
            var offset = Math.Min(builder.LastFlowStart, Math.Max(0, source.Text.Length - 1));
            diagnostics.Add(CatalogueDiagnostics.YamlSyntax(source.GetSpan(new TextSpan(offset, 1)), Translate(exception.Message)));
            return (null, diagnostics);
        }
    }

    /// <summary>Reads a file whose document must be a mapping, such as a fact schema or a calendar.</summary>
    /// <param name="source">The file.</param>
    /// <param name="what">What the file is, in Chinese, for the message when it is not a mapping.</param>
    /// <param name="diagnostics">Where every problem found is added.</param>
    /// <returns>The root mapping, or null after a diagnostic.</returns>
    public static YamlMapping? ReadMapping(SourceText source, string what, List<Diagnostic> diagnostics)
    {
        var (root, found) = Read(source);
        diagnostics.AddRange(found);
        if (root is YamlMapping mapping)
        {
            return mapping;
        }

        if (root is not null || found.Count == 0)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(root?.Span ?? SourceSpan.FileOnly(source.Path), what, "映射", root?.KindName ?? "空文件"));
        }

        return null;
    }

    private static int Offset(Mark mark) => (int)mark.Index;

    private static int? FirstIndentingTab(string text)
    {
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\t' when lineStart:
                    return i;
                case '\n' or '\r':
                    lineStart = true;
                    break;
                case ' ':
                    break;
                default:
                    lineStart = false;
                    break;
            }
        }

        return null;
    }

    // YamlDotNet's messages are English; the common ones get a Chinese explanation and a fix.
    private static string Translate(string message)
    {
        var known = new (string Fragment, string Chinese)[]
        {
            ("tab", "缩进中出现了制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格。"),
            ("Mapping values are not allowed", "此处不能出现“键: 值”。常见原因：上一行的缩进不对，或文字中含有“: ”而没有加引号。"),
            ("did not find expected key", "缩进不一致：同一层的项应当左对齐。"),
            ("did not find expected '-'", "列表项缩进不一致：同一列表的“-”应当左对齐。"),
            ("did not find expected ','", "方括号或花括号没有配对，或列表项之间缺少逗号。"),
            ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了。请检查引号和括号是否配对。"),
            ("found unknown escape character", "双引号文字中有无效的转义符“\\”。请改用单引号，或写成“\\\\”。"),
            ("While parsing a block mapping", "映射的缩进不一致：同一层的项应当左对齐。"),
            ("While scanning a quoted scalar", "引号没有配对。"),
            ("found undefined alias", "引用了未定义的锚点（*名称）。"),
            ("Anchor", "锚点用法有误。"),
            ("current state of the object", "此处之后的内容无法解析：方括号、花括号或引号可能没有配对。"),
        };
        foreach (var (fragment, chinese) in known)
        {
            if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return chinese;
            }
        }

        return $"无法解析此处的内容。请检查缩进（只能用空格）、冒号后的空格，以及引号和括号是否配对。（解析器原文：{message}）";
    }

    private sealed class Builder(SourceText source, List<Diagnostic> diagnostics)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>Gets the offset of the last flow collection ([ or {) opened.</summary>
        public int LastFlowStart { get; private set; }

        public YamlNode ReadNode(IParser parser, int depth)
        {
            if (parser.Current is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow })
            {
                LastFlowStart = Offset(parser.Current.Start);
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new SemanticErrorException(alias.Start, alias.End, "found undefined alias");
            }

            if (depth > MaxDepth)
            {
                var current = parser.Current!;
                throw new SemanticErrorException(current.Start, current.End, $"nesting deeper than {MaxDepth} levels");
            }

            YamlNode node;
            NodeEvent start;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                start = scalar;
                node = new YamlScalar(scalar.Value, scalar.Style, source, Offset(scalar.Start), Offset(scalar.End));
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                start = sequenceStart;
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out var end))
                {
                    items.Add(ReadNode(parser, depth + 1));
                    _ = end;
                }

                var last = items.Count > 0 ? items[^1].End : Offset(sequenceStart.End);
                node = new YamlSequence(items, source, Offset(sequenceStart.Start), Math.Max(last, Offset(sequenceStart.End)));
            }
            else
            {
                var mappingStart = parser.Consume<MappingStart>();
                start = mappingStart;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                var merged = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, depth + 1);
                    var value = ReadNode(parser, depth + 1);
                    if (key is not YamlScalar keyScalar)
                    {
                        diagnostics.Add(CatalogueDiagnostics.WrongShape(key.Span, "键", "文字", key.KindName));
                        continue;
                    }

                    // "<<: *base" merges another mapping's entries; keys written here win.
                    if (keyScalar is { IsPlain: true, Value: "<<" })
                    {
                        Merge(value, merged);
                        continue;
                    }

                    var first = entries.FirstOrDefault(e => e.Key.Value == keyScalar.Value).Key;
                    if (first is not null)
                    {
                        diagnostics.Add(CatalogueDiagnostics.DuplicateKey(keyScalar.Span, keyScalar.Value, first.Span.Line));
                        continue;
                    }

                    entries.Add(new(keyScalar, value));
                }

                foreach (var entry in merged.Where(m => entries.All(e => e.Key.Value != m.Key.Value)))
                {
                    entries.Add(entry);
                }

                var last = entries.Count > 0 ? entries.Max(e => e.Value.End) : Offset(mappingStart.End);
                node = new YamlMapping(entries, source, Offset(mappingStart.Start), Math.Max(last, Offset(mappingStart.End)));
            }

            if (!start.Anchor.IsEmpty)
            {
                _anchors[start.Anchor.Value] = node;
            }

            return node;
        }

        private void Merge(YamlNode value, List<KeyValuePair<YamlScalar, YamlNode>> merged)
        {
            var sources = value switch
            {
                YamlMapping mapping => [mapping],
                YamlSequence sequence => sequence.Items.OfType<YamlMapping>().ToList(),
                _ => [],
            };
            if (sources.Count == 0 || (value is YamlSequence list && list.Items.Count != sources.Count))
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(value.Span, "<<", "映射或映射的列表（如 *基准）", value.KindName));
                return;
            }

            foreach (var entry in sources.SelectMany(m => m.Entries).Where(e => merged.All(m => m.Key.Value != e.Key.Value)))
            {
                merged.Add(entry);
            }
        }
    }
}
