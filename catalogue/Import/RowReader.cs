using System.Text.RegularExpressions;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Grammar.Parsing;

namespace Fashen.Catalogue.Import;

/// <summary>Reads one published catalogue row into a draft condition, by the sentence shapes that recur in real catalogues:
/// party tiers with amounts (对公民处以1万元以上、对法人或者其他组织处以10万元以上罚款), lists of penalty kinds, coercive measures,
/// the phrases of the schema's phrase table (经过听证程序, 涉及重大公共利益, 不予行政许可…), the 简易程序 exclusion (除当场处罚外),
/// and rows that name one enforcement matter (对擅自占用林地的处罚). What it could not read is said, never guessed.</summary>
/// <remarks>How the parts combine: phrases in one clause (between commas) are alternatives (或), clauses are conditions that
/// must all hold (且) — "直接关系当事人或者第三人重大权益，经过听证程序的" is 重大权益 且 已听证; the decisions a row lists
/// (penalty kinds, amount tiers, measures, licence decisions) are alternatives to one another.</remarks>
public sealed partial class RowReader(FactSchema schema)
{
    // Party words as published, and the 当事人类型 value or group each means.
    private static readonly (string Word, string Value)[] Parties =
    [
        ("非法人组织", "非法人组织"), ("其他组织", "非法人组织"), ("个体工商户", "个体工商户"), ("企业事业单位", "单位"), ("自然人", "自然人"),
        ("公民", "自然人"), ("个人", "自然人"), ("法人", "法人"), ("单位", "单位"), ("企业", "法人"),
    ];

    // Words that carry no condition of their own, removed before judging what was left unread.
    private static readonly string[] Filler =
    [
        "行政处罚决定", "行政许可决定", "行政强制决定", "行政执法决定", "执法决定", "行政处罚", "行政许可", "行政强制", "处罚决定", "决定",
        "相当于前述数额", "前述数额", "拟作出", "拟对", "作出", "做出", "处以", "给予", "罚款", "没收", "违法所得",
        "非法财物", "价值", "数额", "金额", "直接关系", "当事人", "第三人", "行政相对人", "行政管理相对人", "他人", "或者", "或", "以及", "及", "和",
        "与", "等", "的", "拟", "对", "处", "其他", "需", "经", "涉及", "可能", "造成", "引发", "案件", "情况", "情形", "程序", "有", "均", "本数",
        "含", "不", "以上", "以下", "以内", "超过", "不满", "元", "万元", "申请人", "规定", "法律", "法规", "规章", "应当", "进行", "法制审核",
        "审核", "重大", "依法", "并", "且", "被", "为", "所", "中", "在", "其", "之", "人民币",
    ];

    private readonly FactDefinition? _party = Find(schema, "party_type");
    private readonly FactDefinition? _fine = Find(schema, "fine_amount");
    private readonly FactDefinition? _confiscation = Find(schema, "confiscation_amount");
    private readonly FactDefinition? _tax = Find(schema, "back_tax_amount");
    private readonly FactDefinition? _kinds = Find(schema, "penalty_kinds");
    private readonly FactDefinition? _measure = Find(schema, "coercive_measure");
    private readonly FactDefinition? _matter = Find(schema, "enforcement_matter");

    /// <summary>Reads a row.</summary>
    /// <param name="wording">The row's wording as published.</param>
    /// <returns>What was read.</returns>
    public ImportedRow Read(string wording)
    {
        var title = wording.Trim();
        var text = Numbering().Replace(title, string.Empty).TrimEnd('；', ';', '。', '.', '，', ',');
        var used = new bool[text.Length];
        var notes = new List<string>();
        var actions = Actions(text);
        var alternatives = new List<string>();
        var flags = new List<(int At, string Condition)>();

        if (SimpleExcluded().Match(text) is { Success: true } simple)
        {
            Use(used, simple.Index, simple.Length);
            alternatives.Add("一律");
            actions = schema.Actions.Contains(ActionKind.Penalty) ? [ActionKind.Penalty] : actions;
            notes.Add("“一律”不含简易程序（当场作出）的决定，这正是原文所说的范围。");
        }

        var tiers = AmountTiers(text, used, notes);
        if (tiers is { Length: > 0 })
        {
            alternatives.Add(tiers);
        }

        if (ListedValues(_kinds, text, used, exclude: tiers is { Length: > 0 } || alternatives.Contains("一律")) is { } kinds)
        {
            alternatives.Add($"{_kinds!.Label} any of [{string.Join(", ", kinds)}]");
        }

        if (ListedValues(_measure, text, used, exclude: false) is { } measures)
        {
            alternatives.Add($"{_measure!.Label} in [{string.Join(", ", measures)}]");
        }

        foreach (var phrase in schema.Phrases)
        {
            for (var at = text.IndexOf(phrase.Phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase.Phrase, at + 1, StringComparison.Ordinal))
            {
                if (used.AsSpan(at, phrase.Phrase.Length).Contains(true))
                {
                    continue;
                }

                Use(used, at, phrase.Phrase.Length);
                if (!DescribesTheDecision(phrase.Condition))
                {
                    flags.Add((at, phrase.Condition));
                }
                else if (!alternatives.Contains(phrase.Condition))
                {
                    alternatives.Add(phrase.Condition);
                }
            }
        }

        string? matter = null;
        if (alternatives.Count == 0 && flags.Count == 0 && _matter is not null && Matter().IsMatch(text))
        {
            matter = text;
            Use(used, 0, text.Length);
            alternatives.Add($"{_matter.Label} == “{text}”");
        }

        var condition = Combine(text, flags, alternatives);
        var unread = Unread(text, used);
        var reading = condition is null ? ImportReading.None : unread.Count > 0 ? ImportReading.Partial : ImportReading.Full;
        return new ImportedRow(title, actions, condition, unread, notes, reading, matter);
    }

    // A phrase's condition is about the decision made (处罚种类 包含 …, 许可决定 in […], 裁量调整 == 减轻: a comparison, so with a
    // space) rather than a circumstance of the case (已听证, 重大公共利益: a flag, one name).
    private static bool DescribesTheDecision(string condition) => condition.Contains(' ', StringComparison.Ordinal);

    // Flags in one clause are alternatives, clauses all hold; the decisions listed are alternatives to one another.
    private static string? Combine(string text, List<(int At, string Condition)> flags, List<string> alternatives)
    {
        var parts = flags
            .GroupBy(f => ClauseBreak().Matches(text).Count(m => m.Index < f.At))
            .OrderBy(g => g.Key)
            .Select(g => g.Select(f => f.Condition).Distinct().ToList())
            .Select(g => g.Count == 1 ? g[0] : "(" + string.Join(" 或 ", g) + ")")
            .Distinct()
            .ToList();

        // Any decision at all (一律) takes in every other alternative.
        if (alternatives.Contains("一律"))
        {
            alternatives = ["一律"];
        }

        if (alternatives.Count > 0)
        {
            parts.Add(alternatives.Count == 1 ? Bracket(alternatives[0], parts.Count > 0) : "(" + string.Join(" 或 ", alternatives.Select(a => Bracket(a, true))) + ")");
        }

        return parts.Count == 0 ? null : string.Join(" 且 ", parts);
    }

    private static string Bracket(string condition, bool inside) =>
        inside && (condition.Contains(" 且 ", StringComparison.Ordinal) || condition.Contains(" 或 ", StringComparison.Ordinal)) && !condition.StartsWith('(')
            ? $"({condition})"
            : condition;

    // 对公民处以1万元以上、对法人或者其他组织处以10万元以上罚款或者没收相当于前述数额违法所得: one tier per amount, with the party
    // named before it and the fact (罚款, 没收, 税款) around it.
    private string? AmountTiers(string text, bool[] used, List<string> notes)
    {
        var matches = AmountPhrase().Matches(text).Where(m => m.Groups["unit"].Success || m.Groups["word"].Success || m.Groups["over"].Success).ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var confiscationToo = text.Contains("相当于", StringComparison.Ordinal) && (text.Contains("没收", StringComparison.Ordinal));
        var tiers = new List<string>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var beforeStart = i == 0 ? 0 : matches[i - 1].Index + matches[i - 1].Length;
            var before = text[beforeStart..m.Index];
            var afterEnd = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var after = text[(m.Index + m.Length)..afterEnd];
            if (Amount(m, notes) is not { } amount)
            {
                continue;
            }

            // The drafting word and note of the last amount in a list speak for the ones before it (2000元、2万元以上（以上数额含本数）).
            var (over, word, note) = (m.Groups["over"].Value, m.Groups["word"].Value, Note(m));
            if (over.Length == 0 && word.Length == 0)
            {
                var next = matches.Skip(i + 1).FirstOrDefault(n => n.Groups["word"].Success || n.Groups["over"].Success);
                if (next is null)
                {
                    continue;
                }

                (over, word, note) = (next.Groups["over"].Value, next.Groups["word"].Value, Note(next));
                if (note is null || !next.Groups["note2"].Value.Contains("以上", StringComparison.Ordinal) && !next.Groups["note2"].Value.Contains('均'))
                {
                    notes.Add($"“{m.Value}”后没有起止词，按其后“{next.Value}”的“{over}{word}”读取；请核对原文是否如此。");
                }
            }

            var facts = Facts(text, before, after, confiscationToo);
            if (facts.Count == 0)
            {
                continue;
            }

            var comparison = over.Length > 0 ? $"{over} {amount}" : $"{amount}{word}{(note is { } n ? $"（{n}）" : string.Empty)}";

            // 2万元以上50万元以下, 超过20万元不满50万元: the next amount closes a range when nothing but a comma stands between.
            if ((word == "以上" || over == "超过") && i + 1 < matches.Count && matches[i + 1] is var upper
                && text[(m.Index + m.Length)..upper.Index].Trim('、', '，', ',', '至', ' ').Length == 0
                && (upper.Groups["word"].Value is "以下" or "以内" || upper.Groups["over"].Value == "不满") && Amount(upper, notes) is { } high)
            {
                var upperNote = Note(upper) is { } u ? $"（{u}）" : string.Empty;
                comparison += "、" + (upper.Groups["over"].Value == "不满" ? $"不满 {high}" : $"{high}{upper.Groups["word"].Value}{upperNote}");
                Use(used, upper.Index, upper.Length);
                i++;
            }

            // 罚款和没收违法所得合计10万元以上 (罚没合计): one sum, not two comparisons.
            var summed = before.Contains("合计", StringComparison.Ordinal) && _fine is not null && _confiscation is not null;
            var compared = summed ? [$"{_fine!.Label} + {_confiscation!.Label} {comparison}"] : facts.Select(f => $"{f.Label} {comparison}").ToList();
            var tier = compared.Count == 1 ? compared[0] : "(" + string.Join(" 或 ", compared) + ")";
            if (Party(before, beforeStart, used) is { Count: > 0 } party && _party is not null)
            {
                tier = $"{_party.Label} in [{string.Join(", ", party)}] 且 {tier}";
            }

            tiers.Add(tier);
            Use(used, m.Index, m.Length);
        }

        return tiers.Count switch
        {
            0 => null,
            1 => tiers[0],
            _ => string.Join(" 或 ", tiers.Select(t => t.Contains(" 且 ", StringComparison.Ordinal) ? $"({t})" : t)),
        };
    }

    // 1万元, 二千元, 2 万元; a unit with no number (万元以上, a number lost in publishing) is read as one of the unit, and said.
    private static string? Amount(Match m, List<string> notes)
    {
        var number = m.Groups["num"].Value;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : "元";
        if (number.Length == 0)
        {
            notes.Add($"原文“{m.Value}”缺少数字，按 1{unit} 读取；请核对原件。");
            number = "1";
        }

        return AmountLiteral.TryParse(number + unit, out var value, out _) ? AmountLiteral.Write(value) : null;
    }

    // （含本数）（不含本数）（含2万元）（以上数额含本数）, before or after the drafting word.
    private static string? Note(Match m)
    {
        var note = m.Groups["note2"].Success ? m.Groups["note2"].Value : m.Groups["note1"].Value;
        return note.Length == 0 ? null : note.Contains("不含", StringComparison.Ordinal) ? "不含本数" : "含本数";
    }

    // The fact an amount is of: 罚款 after it (处以1万元以上罚款), 没收 before it (没收违法所得超过1000元), 税款 for tax cases;
    // confiscation as well when the row says 没收相当于前述数额.
    private List<FactDefinition> Facts(string text, string before, string after, bool confiscationToo)
    {
        var facts = new List<FactDefinition>();
        var clauseAfter = ClauseBreak().Split(after)[0];
        if (before.Contains("没收", StringComparison.Ordinal) && !before.Contains("罚款", StringComparison.Ordinal) && _confiscation is not null)
        {
            facts.Add(_confiscation);
        }
        else if (before.Contains("税", StringComparison.Ordinal) && _tax is not null)
        {
            facts.Add(_tax);
        }
        else if ((clauseAfter.Contains("罚款", StringComparison.Ordinal) || before.Contains("罚款", StringComparison.Ordinal) || text.Contains("罚款", StringComparison.Ordinal)) && _fine is not null)
        {
            facts.Add(_fine);
            if (confiscationToo && _confiscation is not null)
            {
                facts.Add(_confiscation);
            }
        }
        else if (text.Contains("没收", StringComparison.Ordinal) && _confiscation is not null)
        {
            facts.Add(_confiscation);
        }

        return facts;
    }

    // The party named before an amount: 对自然人或个体工商户 → [自然人, 个体工商户]; 对单位 → [单位].
    private List<string> Party(string before, int offset, bool[] used)
    {
        var start = Math.Max(0, before.LastIndexOf('对'));
        var window = before[start..];
        var found = new List<(int At, string Value)>();
        var taken = new bool[window.Length];
        foreach (var (word, value) in Parties)
        {
            for (var i = window.IndexOf(word, StringComparison.Ordinal); i >= 0; i = window.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                if (!taken.AsSpan(i, word.Length).Contains(true))
                {
                    Use(taken, i, word.Length);
                    Use(used, offset + start + i, word.Length);
                    found.Add((i, value));
                }
            }
        }

        var values = found.OrderBy(f => f.At).Select(f => f.Value).Distinct().ToList();
        return _party is null ? [] : values.Where(v => _party.TryGetValue(v, out _) || _party.TryGetGroup(v, out _)).ToList();
    }

    // The values of a listed fact that the row names (责令停产停业、责令关闭、限制从业); 罚款 and 没收 are left to the amounts.
    private static List<string>? ListedValues(FactDefinition? fact, string text, bool[] used, bool exclude)
    {
        if (fact is null)
        {
            return null;
        }

        var found = new List<(int At, string Name)>();
        foreach (var option in fact.Values.OrderByDescending(v => v.Name.Length))
        {
            if (exclude && option.Name is "罚款" or "警告" or "通报批评" or "没收违法所得" or "没收非法财物")
            {
                continue;
            }

            var at = text.IndexOf(option.Name, StringComparison.Ordinal);
            if (at >= 0 && !used.AsSpan(at, option.Name.Length).Contains(true))
            {
                Use(used, at, option.Name.Length);
                found.Add((at, option.Name));
            }
        }

        return found.Count == 0 ? null : found.OrderBy(f => f.At).Select(f => f.Name).ToList();
    }

    // The kinds of action a row speaks of, by the schema's names (行政给付) and the words that mark the six of the sample set;
    // none named (行政执法决定) is every kind.
    private List<ActionKind> Actions(string text)
    {
        var actions = new List<ActionKind>();
        void Add(ActionKind kind, params string[] words)
        {
            if (schema.Actions.Contains(kind) && words.Append(kind.Name).Any(w => text.Contains(w, StringComparison.Ordinal)) && !actions.Contains(kind))
            {
                actions.Add(kind);
            }
        }

        foreach (var kind in schema.Actions)
        {
            Add(kind);
        }

        Add(ActionKind.Penalty, "处罚", "罚款", "没收", "吊销", "责令停产", "责令关闭", "限制从业", "降低资质");
        Add(ActionKind.Licence, "行政许可", "许可决定");
        Add(ActionKind.Coercion, "强制", "查封", "扣押", "冻结");
        Add(ActionKind.Levy, "征收");
        Add(ActionKind.Fee, "收费");
        Add(ActionKind.Inspection, "检查");
        return actions.Count == 0 ? [.. schema.Actions] : actions;
    }

    // What is left once the parts read and the words that carry no condition are taken out: runs of three or more characters.
    private static List<string> Unread(string text, bool[] used)
    {
        var left = new string(text.Select((c, i) => used[i] ? ' ' : c).ToArray());
        foreach (var word in Filler.OrderByDescending(w => w.Length))
        {
            left = left.Replace(word, new string(' ', word.Length), StringComparison.Ordinal);
        }

        return Han().Matches(left).Select(m => m.Value).Where(v => v.Length >= 3).ToList();
    }

    private static void Use(bool[] used, int at, int length) => used.AsSpan(at, length).Fill(true);

    private static FactDefinition? Find(FactSchema schema, string key) => schema.TryGetFact(key, out var fact) ? fact : null;

    [GeneratedRegex(@"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．]|第[一二三四五六七八九十]+条)\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"除当场(作出的)?(行政)?处罚(决定)?外|(适用|按照)?一般程序|简易程序除外")]
    private static partial Regex SimpleExcluded();

    [GeneratedRegex(@"(?<over>超过|不满)?(?<num>\d+(\.\d+)?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*[一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟])?\s*(?<unit>万元|千元|亿元|元)(?<note1>[（(](含|不含)[^）)]{0,10}[）)])?(?<word>以上|以下|以内)?(?<note2>[（(][^）)]{0,12}含[^）)]{0,10}[）)])?")]
    private static partial Regex AmountPhrase();

    [GeneratedRegex(@"^对.{2,60}的?(行政)?处罚$")]
    private static partial Regex Matter();

    [GeneratedRegex(@"[，,；;]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\u3400-\u9fff]+")]
    private static partial Regex Han();
}
