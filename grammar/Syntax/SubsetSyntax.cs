using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A set-valued fact holds none but the listed values: <c>处罚种类 仅限 [警告, 罚款]</c> (also <c>只含</c>,
/// <c>only</c>). An empty set holds none but them too.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Values">The listed values, in the order written.</param>
/// <param name="ListSpan">Where the list is.</param>
/// <param name="Span">Where the whole test is.</param>
public sealed record SubsetSyntax(
    NameSyntax Subject,
    IReadOnlyList<ValueSyntax> Values,
    TextSpan ListSpan,
    TextSpan Span) : ConditionSyntax(Span);
