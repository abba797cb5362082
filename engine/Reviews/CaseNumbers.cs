namespace Fashen.Engine.Reviews;

/// <summary>Case numbers (文号) as people search for them: 桓市监罚〔2026〕118号 is written with 〔〕 in documents, but typed as
/// [2026], 【2026】, (2026) or （2026）, and with full-width digits. A search matches them all alike.</summary>
public static class CaseNumbers
{
    /// <summary>The brackets people type for 〔 and 〕: six openings, then the six closings.</summary>
    public const string Brackets = "[【(（［〔]】)）］〕";

    /// <summary>What each of <see cref="Brackets"/>, then each full-width digit, folds to; PostgreSQL's translate() uses the same
    /// two strings, so both stores match alike.</summary>
    public const string FoldFrom = Brackets + "０１２３４５６７８９";

    /// <summary>The characters <see cref="FoldFrom"/> folds to, place by place.</summary>
    public const string FoldTo = "〔〔〔〔〔〔〕〕〕〕〕〕0123456789";

    /// <summary>Folds a case number, or a search for one: lower case, every bracket as 〔 or 〕, full-width digits as ASCII.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string text)
    {
        var folded = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < folded.Length; i++)
        {
            var at = FoldFrom.IndexOf(folded[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                folded[i] = FoldTo[at];
            }
        }

        return new string(folded);
    }
}
