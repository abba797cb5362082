namespace Fashen.Engine.Opinions;

/// <summary>How a department numbers its review opinions (审核意见书的文号), e.g. <c>桓市监法审〔{年}〕{号}号</c>: the year of
/// the decision and the opinion's place among the department's opinions of that year.</summary>
public sealed record OpinionNumberTemplate
{
    /// <summary>The placeholder for the year.</summary>
    public const string YearPlaceholder = "{年}";

    /// <summary>The placeholder for the sequence number.</summary>
    public const string SequencePlaceholder = "{号}";

    /// <summary>The longest template accepted.</summary>
    public const int MaxLength = 40;

    private OpinionNumberTemplate(string text) => Text = text;

    /// <summary>Gets the template used when a catalogue names none: the unit's name stands above the number.</summary>
    public static OpinionNumberTemplate Default { get; } = new("法审〔{年}〕{号}号");

    /// <summary>Gets the template as written.</summary>
    public string Text { get; }

    /// <summary>Reads a template: it holds {年} and {号} once each, no other braces, and no line breaks.</summary>
    /// <param name="text">The template as written.</param>
    /// <param name="problem">What is wrong, in Chinese, or null.</param>
    /// <returns>The template, or null.</returns>
    public static OpinionNumberTemplate? Parse(string text, out string? problem)
    {
        var rest = text.Replace(YearPlaceholder, string.Empty, StringComparison.Ordinal).Replace(SequencePlaceholder, string.Empty, StringComparison.Ordinal);
        problem = Count(text, YearPlaceholder) != 1 || Count(text, SequencePlaceholder) != 1
            ? $"文号模板应含 {YearPlaceholder} 和 {SequencePlaceholder} 各一处，例如“桓市监法审〔{{年}}〕{{号}}号”。"
            : rest.IndexOfAny(['{', '}']) >= 0 ? $"文号模板中只能有 {YearPlaceholder} 和 {SequencePlaceholder} 两个占位符。"
            : text.Length > MaxLength || text.Any(char.IsControl) ? $"文号模板最多 {MaxLength} 个字符，不能换行。"
            : null;
        return problem is null ? new OpinionNumberTemplate(text) : null;
    }

    /// <summary>Writes a number.</summary>
    /// <param name="year">The year of the decision.</param>
    /// <param name="sequence">The opinion's place among the department's opinions of that year, from 1.</param>
    /// <returns>The document number, e.g. 桓市监法审〔2026〕12号.</returns>
    public string Format(int year, long sequence) => Text
        .Replace(YearPlaceholder, year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace(SequencePlaceholder, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
