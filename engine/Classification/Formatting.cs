using System.Globalization;
using Fashen.Engine.Facts;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Classification;

/// <summary>Writes values the way explanations show them: 60,000 元, 49,999.99 元.</summary>
public static class Formatting
{
    /// <summary>Formats an amount or number of a fact.</summary>
    /// <param name="fact">The fact, which decides whether 元 is shown.</param>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Amount(FactDefinition fact, decimal value) =>
        fact.Type == FactType.Money ? Money(value) : Grouped(value, 4);

    /// <summary>Formats an amount of money in 元, with thousands separators.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text, such as "60,000 元".</returns>
    public static string Money(decimal value) => Grouped(value, 2) + " 元";

    // The standard "N" format is much cheaper than a custom pattern; trailing zeros are then trimmed.
    private static string Grouped(decimal value, int decimals)
    {
        var text = value.ToString(decimals == 2 ? "N2" : "N4", CultureInfo.InvariantCulture);
        return text.TrimEnd('0').TrimEnd('.');
    }

    /// <summary>Gets the mathematical symbol of a comparison.</summary>
    /// <param name="op">The comparison.</param>
    /// <returns>≥ &gt; ≤ &lt; = or ≠.</returns>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterOrEqual => "≥",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "≤",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Equal => "=",
        _ => "≠",
    };

    /// <summary>Gets the note that says whether a comparison includes its boundary.</summary>
    /// <param name="op">The comparison.</param>
    /// <returns>（含本数）, （不含本数） or an empty string for equality.</returns>
    public static string BoundaryNote(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterOrEqual or ComparisonOperator.LessOrEqual => "（含本数）",
        ComparisonOperator.Greater or ComparisonOperator.Less => "（不含本数）",
        _ => string.Empty,
    };

    /// <summary>Formats a date as yyyy-MM-dd.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
