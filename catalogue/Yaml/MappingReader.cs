using Fashen.Catalogue.Diagnostics;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Yaml;

/// <summary>Reads the keys of one YAML mapping, reporting unknown keys, missing keys and values of
/// the wrong shape as diagnostics.</summary>
internal sealed class MappingReader
{
    private readonly List<Diagnostic> _diagnostics;

    /// <summary>Initializes a new instance of the <see cref="MappingReader"/> class and reports every key not in <paramref name="allowedKeys"/>.</summary>
    public MappingReader(YamlMapping mapping, IReadOnlyList<string> allowedKeys, List<Diagnostic> diagnostics)
    {
        Mapping = mapping;
        _diagnostics = diagnostics;
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowedKeys.Contains(key.Value))
            {
                diagnostics.Add(CatalogueDiagnostics.UnknownKey(
                    key.Span, key.Value, string.Join("、", allowedKeys), NameSuggestions.Closest(key.Value, allowedKeys)));
            }
        }
    }

    public YamlMapping Mapping { get; }

    /// <summary>Gets where a missing key would have been: the mapping's first key, or the mapping itself.</summary>
    public SourceSpan Anchor => Mapping.Entries.Count > 0 ? Mapping.Entries[0].Key.Span : Mapping.Span;

    public YamlNode? Node(string key, bool required, string meaning)
    {
        var node = Mapping.Get(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                _diagnostics.Add(CatalogueDiagnostics.MissingKey(Anchor, key, meaning));
            }

            return null;
        }

        return node;
    }

    public YamlScalar? Scalar(string key, bool required, string meaning) =>
        Shape<YamlScalar>(Node(key, required, meaning), key, "文字");

    public YamlMapping? Map(string key, bool required, string meaning) =>
        Shape<YamlMapping>(Node(key, required, meaning), key, "映射（“键: 值”的集合）");

    /// <summary>Reads a list whose items are described by <paramref name="shape"/> for the error message.</summary>
    public YamlSequence? Sequence(string key, bool required, string meaning, string shape) =>
        Shape<YamlSequence>(Node(key, required, meaning), key, shape);

    /// <summary>Reads a non-empty, trimmed text.</summary>
    public string? Text(string key, bool required, string meaning)
    {
        var scalar = Scalar(key, required, meaning);
        if (scalar is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            _diagnostics.Add(CatalogueDiagnostics.EmptyText(scalar.Span, key));
            return null;
        }

        return scalar.Value.Trim();
    }

    /// <summary>Reads a list of texts; a single text counts as a list of one.</summary>
    public IReadOnlyList<YamlScalar>? TextList(string key, bool required, string meaning, bool nonEmpty)
    {
        var node = Node(key, required, meaning);
        return node is null ? null : ScalarItems(node, key, nonEmpty, _diagnostics);
    }

    /// <summary>Reads the items of a list of texts; a single text counts as a list of one.</summary>
    public static IReadOnlyList<YamlScalar>? ScalarItems(YamlNode node, string key, bool nonEmpty, List<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return [scalar];
            case YamlSequence sequence:
                var items = new List<YamlScalar>();
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } text && !string.IsNullOrWhiteSpace(text.Value))
                    {
                        items.Add(text);
                    }
                    else
                    {
                        diagnostics.Add(CatalogueDiagnostics.WrongShape(item.Span, key, "文字", item is YamlScalar ? "空值" : item.KindName));
                    }
                }

                if (nonEmpty && sequence.Items.Count == 0)
                {
                    diagnostics.Add(CatalogueDiagnostics.EmptyList(sequence.Span, key));
                }

                return items;
            default:
                diagnostics.Add(CatalogueDiagnostics.WrongShape(node.Span, key, "列表", node.KindName));
                return null;
        }
    }

    private T? Shape<T>(YamlNode? node, string key, string expected)
        where T : YamlNode
    {
        if (node is null or T)
        {
            return (T?)node;
        }

        _diagnostics.Add(CatalogueDiagnostics.WrongShape(node.Span, key, expected, node.KindName));
        return null;
    }
}
