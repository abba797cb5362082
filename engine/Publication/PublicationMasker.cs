using System.Text;
using System.Text.RegularExpressions;

namespace Fashen.Engine.Publication;

/// <summary>Masks personal data in the text of a decision to be published, by a department's rules, and says what it masked
/// and where, so that the legal office sees the masked text beside the original before approving it (公开信息的审核).</summary>
public static partial class PublicationMasker
{
    // Two-character surnames common enough that 欧阳修 becomes 欧阳某某, not 欧某某.
    private static readonly string[] DoubleSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "万俟",
    ];

    /// <summary>Masks a text.</summary>
    /// <param name="text">The text as the case system reported it.</param>
    /// <param name="rules">The department's rules.</param>
    /// <param name="personNames">The natural persons named in the decision (the party, when a natural person), whose names are
    /// shown as the rules say wherever they appear.</param>
    /// <returns>The masked text and what was masked.</returns>
    public static MaskedText Mask(string text, MaskingRules rules, IReadOnlyList<string> personNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var spans = new List<Mask>();
        void Add(MaskedKind? kind, Regex pattern, Func<Match, (int Start, int Length)> part, string label)
        {
            if (kind is { } k && !rules.Kinds.Contains(k))
            {
                return;
            }

            foreach (Match match in pattern.Matches(text))
            {
                var (start, length) = part(match);
                if (length > 0)
                {
                    spans.Add(new Mask(start, length, text.Substring(start, length), label));
                }
            }
        }

        static (int, int) Whole(Match m) => (m.Index, m.Length);
        static (int, int) Value(Match m) => (m.Groups["value"].Index, m.Groups["value"].Length);

        // The most specific first: an ID number is not also a bank account, nor a phone number.
        Add(MaskedKind.IdNumber, IdNumber(), m => ValidIdNumber(m.Value) ? Whole(m) : (0, 0), "身份证号码");
        Add(MaskedKind.PropertyCertificate, PropertyCertificate(), Whole, "权属证书编号");
        Add(MaskedKind.BankAccount, LabelledAccount(), Value, "银行账号");
        Add(MaskedKind.BankAccount, BareAccount(), Whole, "银行账号");
        Add(MaskedKind.Phone, Mobile(), Whole, "联系电话");
        Add(MaskedKind.Phone, Landline(), Whole, "联系电话");
        Add(MaskedKind.Address, Labelled(rules.AddressLabels, @"[^，。；;\n]{2,80}"), Value, "住址");
        Add(MaskedKind.Financial, Labelled(rules.FinancialLabels, @"[约共计为达]?\s*[0-9０-９.,，万千百亿余元多]+\s*(?:元|万元|亿元)"), Value, "财产状况");
        foreach (var term in rules.Terms.Where(t => t.Length > 0))
        {
            Add(null, new Regex(Regex.Escape(term)), Whole, "依规定不公开的内容");
        }

        var kept = Disjoint(spans);
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in kept)
        {
            masked.Append(text, at, span.Start - at).Append('（').Append(span.Label).Append("已隐去）");
            at = span.Start + span.Length;
        }

        masked.Append(text, at, text.Length - at);
        var result = masked.ToString();

        // Names last, in the text already masked: a name inside a masked address is gone with it.
        var names = new List<Mask>();
        foreach (var name in personNames.Where(n => n.Trim().Length >= 2).Select(n => n.Trim()).Distinct().OrderByDescending(n => n.Length))
        {
            var shown = ShownName(name, rules.PersonName);
            if (shown != name && result.Contains(name, StringComparison.Ordinal))
            {
                names.Add(new Mask(-1, name.Length, name, "姓名"));
                result = result.Replace(name, shown, StringComparison.Ordinal);
            }
        }

        return new MaskedText(text, result, [.. kept, .. names]);
    }

    /// <summary>Shows a natural person's name as a department's rule says.</summary>
    /// <param name="name">The name.</param>
    /// <param name="style">How.</param>
    /// <returns>张三, 张某某 or 当事人.</returns>
    public static string ShownName(string name, PersonNameStyle style) => style switch
    {
        PersonNameStyle.Full => name,
        PersonNameStyle.Hidden => "当事人",
        _ => (DoubleSurnames.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal) && name.Length > s.Length) ?? name[..1]) + "某某",
    };

    // GB 11643: 17 digits weighted, and the check character.
    private static bool ValidIdNumber(string id)
    {
        if (id.Length == 15)
        {
            return true;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == char.ToUpperInvariant(id[17]);
    }

    // Where two kinds claim overlapping text, the one found first (the more specific) keeps it.
    private static List<Mask> Disjoint(List<Mask> spans)
    {
        var kept = new List<Mask>();
        foreach (var span in spans)
        {
            if (kept.All(k => span.Start >= k.Start + k.Length || span.Start + span.Length <= k.Start))
            {
                kept.Add(span);
            }
        }

        return kept.OrderBy(k => k.Start).ToList();
    }

    private static Regex Labelled(IReadOnlyList<string> labels, string value) => new(
        $"(?:{string.Join("|", labels.OrderByDescending(l => l.Length).Select(Regex.Escape))})\\s*[:：为是在]?\\s*(?<value>{value})");

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]|[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d-])")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?:账号|账户|卡号|帐号|帐户)\s*[:：为是]?\s*(?<value>\d[\d ]{9,24}\d)")]
    private static partial Regex LabelledAccount();

    [GeneratedRegex(@"(?<!\d)\d{16,19}(?!\d)")]
    private static partial Regex BareAccount();

    [GeneratedRegex(@"(?:[\u4e00-\u9fa5]{1,3}\s*[（(]\s*\d{4}\s*[）)]\s*[\u4e00-\u9fa5]{0,12})?不动产权第\s*\d+\s*号|[\u4e00-\u9fa5]{0,6}房权证[\u4e00-\u9fa5]{0,12}字第\s*\d+\s*号|[\u4e00-\u9fa5]{0,6}土地使用证?[\u4e00-\u9fa5（）()\d]{0,12}第\s*\d+\s*号")]
    private static partial Regex PropertyCertificate();
}

/// <summary>A text and its masked form, with what was masked.</summary>
/// <param name="Original">The text as reported.</param>
/// <param name="Masked">The text to publish.</param>
/// <param name="Masks">What was masked: where in the original (-1 for names, masked wherever they appear), what and as what.</param>
public sealed record MaskedText(string Original, string Masked, IReadOnlyList<Mask> Masks);

/// <summary>One piece of personal data masked.</summary>
/// <param name="Start">Where it starts in the original; -1 for a name, masked wherever it appears.</param>
/// <param name="Length">Its length.</param>
/// <param name="Text">What it was.</param>
/// <param name="Label">What it is (身份证号码, 住址, …).</param>
public sealed record Mask(int Start, int Length, string Text, string Label);
