using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>A proposed enforcement decision as a case system sends it, before it is checked.</summary>
/// <param name="CaseId">The case system's id for the case.</param>
/// <param name="Department">The department id, which selects the catalogue.</param>
/// <param name="Action">The action kind (行政处罚 …).</param>
/// <param name="Procedure">The procedure (一般程序 or 简易程序).</param>
/// <param name="ProposedOn">The date the decision is proposed (yyyy-MM-dd).</param>
/// <param name="Facts">The facts, in the order sent.</param>
/// <param name="Span">Where the whole decision is.</param>
/// <param name="Party">The party the decision is about (当事人), for the review documents; optional.</param>
/// <param name="FiledOn">The date the case was filed (立案日期, yyyy-MM-dd); optional.</param>
/// <param name="Cause">The case's cause (案由), as the case system names it, for lists and the review documents; optional.</param>
public sealed record Decision(
    DecisionField? CaseId,
    DecisionField? Department,
    DecisionField? Action,
    DecisionField? Procedure,
    DecisionField? ProposedOn,
    IReadOnlyList<FactInput> Facts,
    SourceSpan Span,
    DecisionField? Party = null,
    DecisionField? FiledOn = null,
    DecisionField? Cause = null);
