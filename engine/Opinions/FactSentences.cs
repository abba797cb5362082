using System.Text.Json;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Opinions;

/// <summary>The 主要事实 of a review opinion, written as sentences from the decision's facts rather than listed as fields:
/// who the party is, what is proposed and for how much, which circumstances hold and which do not, and who judged what.</summary>
public static class FactSentences
{
    /// <summary>Writes the facts of a review's current decision.</summary>
    /// <param name="review">The review.</param>
    /// <param name="schema">The fact schema of the catalogue that names the facts, or null when none is loaded.</param>
    /// <returns>The sentences, each ending in 。.</returns>
    public static IReadOnlyList<string> Of(Review review, FactSchema? schema)
    {
        var facts = review.CurrentFacts();
        var known = schema is null ? [] : schema.Facts.Where(f => facts.ContainsKey(f.Key)).ToList();
        string Shown(FactDefinition fact) => DecisionChange.Display(fact, facts[fact.Key]) ?? string.Empty;

        var described = known.Where(f => f.Type is FactType.Enum or FactType.Ordinal or FactType.Set).Select(f => $"{f.Label}为{Shown(f)}").ToList();
        var amounts = known.Where(f => f.IsNumeric).Select(f => $"{f.Label}为{Shown(f)}").ToList();
        var flags = known.Where(f => f.Type == FactType.Boolean).ToList();
        var present = flags.Where(f => facts[f.Key] == "true").Select(f => f.Label).ToList();
        var absent = flags.Where(f => facts[f.Key] == "false").Select(f => f.Label).ToList();
        var unknown = facts.Where(f => schema is null || !schema.TryGetFact(f.Key, out _)).Select(f => $"{f.Key}为{Plain(f.Value)}").ToList();

        var sentences = new List<string>();
        var party = review.Submission.Decision["party"]?.GetValue<string>();
        var first = (party is { Length: > 0 } ? [$"当事人{party}"] : Array.Empty<string>()).Concat(described).ToList();
        if (first.Count > 0)
        {
            sentences.Add(Sentence(string.Join("，", first)));
        }

        var action = ActionKinds.TryParse(review.Submission.Decision["action"]?.GetValue<string>() ?? string.Empty, out var kind) ? kind.ToChinese() : "执法";
        var procedure = Procedures.TryParse(review.Submission.Decision["procedure"]?.GetValue<string>() ?? string.Empty, out var p) ? p.ToChinese() : null;
        sentences.Add(Sentence($"拟按{procedure ?? "一般程序"}作出{action}决定" + string.Concat(amounts.Select(a => "，" + a))));
        if (present.Count > 0 || absent.Count > 0)
        {
            var parts = new List<string>();
            if (present.Count > 0)
            {
                parts.Add($"本案有{string.Join("、", present)}的情形");
            }

            if (absent.Count > 0)
            {
                parts.Add($"{(present.Count > 0 ? string.Empty : "本案")}没有{string.Join("、", absent)}的情形");
            }

            sentences.Add(Sentence(string.Join("，", parts)));
        }

        foreach (var judgement in known.Where(f => f.Type == FactType.Judgement))
        {
            using var value = JsonDocument.Parse(facts[judgement.Key]);
            if (value.RootElement.ValueKind == JsonValueKind.Object)
            {
                var by = value.RootElement.GetProperty("raisedBy").GetString();
                var reason = value.RootElement.GetProperty("reason").GetString();
                sentences.Add(Sentence($"{by}认定本案属于{judgement.Label}的情形，理由是{reason}"));
            }
        }

        if (unknown.Count > 0)
        {
            sentences.Add(Sentence("此外，" + string.Join("，", unknown)));
        }

        return sentences;
    }

    /// <summary>Ends a text with 。 unless it ends with a full stop, question or exclamation mark already.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '。' or '！' or '？' or '.' ? trimmed : trimmed + "。";
    }

    private static string Plain(string canonical)
    {
        using var value = JsonDocument.Parse(canonical);
        return value.RootElement.ValueKind == JsonValueKind.String ? value.RootElement.GetString()! : value.RootElement.GetRawText();
    }
}
