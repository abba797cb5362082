namespace Fashen.Engine.Figures;

/// <summary>One department's figures for a year (统计年报: 国办发〔2018〕118号 asks each agency to publish the previous year's
/// figures before 31 January). Every figure counts what the record holds for the year — entries whose local date falls in it —
/// so a year's figures never change once it is over, and anyone holding the record can compute them again.</summary>
/// <param name="Department">The department id.</param>
/// <param name="Year">The year.</param>
/// <param name="Kinds">Decisions by kind of action, in the order of the kinds' names.</param>
/// <param name="MajorByRule">Why decisions were major: the catalogue rules the year's major cases matched, most cases first.</param>
/// <param name="Reviews">The legal reviews.</param>
/// <param name="Publications">Publication of decisions (事后公开).</param>
/// <param name="Findings">What the record holds against the gate: decisions issued without a permit or other than permitted, forged
/// permits, suspected evasion of review.</param>
public sealed record YearlyFigures(
    string Department,
    int Year,
    IReadOnlyList<KindFigures> Kinds,
    IReadOnlyList<RuleFigures> MajorByRule,
    ReviewFigures Reviews,
    PublicationFigures Publications,
    FindingFigures Findings)
{
    /// <summary>Gets the cases classified in the year, all kinds.</summary>
    public int Classified => Kinds.Sum(k => k.Classified);

    /// <summary>Gets the cases classified major in the year, all kinds.</summary>
    public int Major => Kinds.Sum(k => k.Major);

    /// <summary>Gets the decisions reported issued in the year, all kinds.</summary>
    public int Issued => Kinds.Sum(k => k.Issued);
}

/// <summary>Decisions of one kind of action.</summary>
/// <param name="Action">The kind (wire name); "unknown" for entries that did not record it.</param>
/// <param name="Classified">Cases classified in the year (each case once, as last classified in the year).</param>
/// <param name="Major">Of those, the cases classified major.</param>
/// <param name="Issued">Decisions the case systems reported issued in the year (a decision is counted in the year it was reported).</param>
/// <param name="IssuedMajor">Of those, the decisions that were major.</param>
public sealed record KindFigures(string Action, int Classified, int Major, int Issued, int IssuedMajor);

/// <summary>How many of the year's major cases matched a rule.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Title">The rule's wording as the record holds it (from a submission), or null when only its id was recorded.</param>
/// <param name="Cases">The cases classified major in the year that matched it (a case matching several rules counts under each).</param>
public sealed record RuleFigures(string RuleId, string? Title, int Cases);

/// <summary>The year's legal reviews.</summary>
/// <param name="Submitted">Reviews submitted in the year.</param>
/// <param name="Decided">Outcomes recorded in the year (a case corrected and decided again counts again).</param>
/// <param name="Approved">同意.</param>
/// <param name="Corrected">纠正.</param>
/// <param name="Rejected">不同意.</param>
/// <param name="Referred">移送.</param>
/// <param name="Returned">Returns for missing materials (补正) in the year.</param>
/// <param name="ReviewsReturned">Reviews returned at least once in the year.</param>
/// <param name="ExtensionsRequested">Extensions asked of the head in the year.</param>
/// <param name="ExtensionsGranted">Extensions the head granted in the year.</param>
/// <param name="MedianDays">The median of the working days the year's outcomes took (pauses for 补正 left out), or null when none was
/// counted.</param>
/// <param name="Percentile90Days">The 90th percentile of those days (nearest rank), or null.</param>
/// <param name="DecidedLate">Outcomes recorded after their due date.</param>
/// <param name="OverdueAtYearEnd">Reviews still open at the end of the year whose due date had passed.</param>
/// <param name="OpenAtYearEnd">Reviews still open at the end of the year.</param>
public sealed record ReviewFigures(
    int Submitted,
    int Decided,
    int Approved,
    int Corrected,
    int Rejected,
    int Referred,
    int Returned,
    int ReviewsReturned,
    int ExtensionsRequested,
    int ExtensionsGranted,
    double? MedianDays,
    int? Percentile90Days,
    int DecidedLate,
    int OverdueAtYearEnd,
    int OpenAtYearEnd);

/// <summary>The year's publication of decisions.</summary>
/// <param name="Reported">Decisions reported in the year, each with a publication to review.</param>
/// <param name="PublishedOnTime">Publications approved in the year by their due day.</param>
/// <param name="PublishedLate">Publications approved in the year after their due day.</param>
/// <param name="OverdueAtYearEnd">Publications not yet out at the end of the year whose due day had passed.</param>
/// <param name="Corrected">Corrections (纠错) in the year.</param>
/// <param name="Withdrawn">Withdrawals in the year.</param>
/// <param name="WithdrawnLate">Of those, the ones made more than three days after the decision was changed (第四十八条).</param>
public sealed record PublicationFigures(int Reported, int PublishedOnTime, int PublishedLate, int OverdueAtYearEnd, int Corrected, int Withdrawn, int WithdrawnLate);

/// <summary>The year's findings against the gate.</summary>
/// <param name="IssuedWithoutPermit">Decisions reported issued without the permit they needed.</param>
/// <param name="IssuedNotAsPermitted">Decisions reported issued other than permitted.</param>
/// <param name="InvalidPermits">Reports refused for a permit Fashen did not issue.</param>
/// <param name="ReviewEvasion">Suspected evasion of a review (a reviewed case's decision changed before issuance).</param>
public sealed record FindingFigures(int IssuedWithoutPermit, int IssuedNotAsPermitted, int InvalidPermits, int ReviewEvasion);
