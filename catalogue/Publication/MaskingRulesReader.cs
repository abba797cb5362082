using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Facts;
using Fashen.Engine.Publication;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Publication;

/// <summary>Reads a department's masking rules (<c>masking:</c>, a YAML file beside its catalogue): what personal data is
/// masked before its decisions are published, and how a natural person's name is shown.</summary>
public static class MaskingRulesReader
{
    /// <summary>The kinds as written in the file.</summary>
    public static readonly IReadOnlyDictionary<string, MaskedKind> KindNames = new Dictionary<string, MaskedKind>(StringComparer.Ordinal)
    {
        ["身份证号码"] = MaskedKind.IdNumber,
        ["住址"] = MaskedKind.Address,
        ["联系方式"] = MaskedKind.Phone,
        ["银行账号"] = MaskedKind.BankAccount,
        ["权属证书编号"] = MaskedKind.PropertyCertificate,
        ["财产状况"] = MaskedKind.Financial,
    };

    /// <summary>The ways of showing a person's name, as written in the file.</summary>
    public static readonly IReadOnlyDictionary<string, PersonNameStyle> NameStyles = new Dictionary<string, PersonNameStyle>(StringComparer.Ordinal)
    {
        ["全名"] = PersonNameStyle.Full,
        ["姓加某某"] = PersonNameStyle.Surname,
        ["不公开"] = PersonNameStyle.Hidden,
    };

    private static readonly string[] Keys = ["department", "mask", "person_name", "address_labels", "financial_labels", "terms", "period_months"];

    /// <summary>Tells whether a YAML root is a masking rules file.</summary>
    /// <param name="root">The root.</param>
    /// <returns>True when it starts with <c>masking</c>.</returns>
    public static bool IsMaskingRules(YamlNode? root) => root is YamlMapping m && m.Get("masking") is not null;

    /// <summary>Reads the rules, reporting every problem.</summary>
    /// <param name="root">The file's root.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The rules and where the department is named, or null when they cannot be used.</returns>
    public static (MaskingRules Rules, SourceSpan DepartmentSpan)? Read(YamlMapping root, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(root);
        var top = new MappingReader(root, ["masking"], diagnostics);
        if (top.Map("masking", required: true, "公开前隐去的个人信息") is not { } mapping)
        {
            return null;
        }

        var errorsBefore = diagnostics.Count(d => d.IsError);
        var reader = new MappingReader(mapping, Keys, diagnostics);
        var departmentNode = reader.Scalar("department", required: true, "部门编号，与其目录清单的 department.id 相同");
        var kinds = new List<MaskedKind>();
        foreach (var item in reader.TextList("mask", required: false, "隐去的个人信息种类", nonEmpty: false) ?? [])
        {
            if (KindNames.TryGetValue(item.Value.Trim(), out var kind))
            {
                kinds.Add(kind);
            }
            else
            {
                diagnostics.Add(CatalogueDiagnostics.UnknownMaskedKind(item.Span, item.Value, string.Join("、", KindNames.Keys), NameSuggestions.Closest(item.Value, KindNames.Keys)));
            }
        }

        var style = PersonNameStyle.Surname;
        if (reader.Scalar("person_name", required: false, "自然人姓名的公开方式") is { } styleNode)
        {
            if (NameStyles.TryGetValue(styleNode.Value.Trim(), out var named))
            {
                style = named;
            }
            else
            {
                diagnostics.Add(CatalogueDiagnostics.UnknownNameStyle(styleNode.Span, styleNode.Value, string.Join("、", NameStyles.Keys)));
            }
        }

        var period = MaskingRules.DefaultPeriodMonths;
        if (reader.Scalar("period_months", required: false, "公开期限（月）") is { } periodNode)
        {
            if (int.TryParse(periodNode.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var months)
                && months is >= 1 and <= MaskingRules.MaxPeriodMonths)
            {
                period = months;
            }
            else
            {
                diagnostics.Add(CatalogueDiagnostics.BadPublicationPeriod(periodNode.Span, periodNode.Value, MaskingRules.MaxPeriodMonths));
            }
        }

        IReadOnlyList<string> Texts(string key, string meaning, IReadOnlyList<string> defaults) =>
            reader.TextList(key, required: false, meaning, nonEmpty: false) is { } items ? items.Select(i => i.Value.Trim()).Where(t => t.Length > 0).ToList() : defaults;

        var rules = new MaskingRules(
            departmentNode?.Value.Trim() ?? string.Empty,
            mapping.Get("mask") is null ? Enum.GetValues<MaskedKind>() : kinds,
            style,
            Texts("address_labels", "住址前的字样", MaskingRules.DefaultAddressLabels),
            Texts("financial_labels", "财产状况前的字样", MaskingRules.DefaultFinancialLabels),
            Texts("terms", "另行隐去的字词", []),
            period);
        return departmentNode is null || diagnostics.Count(d => d.IsError) > errorsBefore ? null : (rules, departmentNode.Span);
    }
}
