using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A fact's value is one of a list: <c>当事人类型 in [法人, 非法人组织]</c>,
/// <c>当事人类型 不属于 [自然人]</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Negated">Whether the test is "not in".</param>
/// <param name="Values">The listed values, in the order written.</param>
/// <param name="ListSpan">Where the bracketed list is.</param>
/// <param name="Span">Where the whole test is.</param>
public sealed record MembershipSyntax(
    NameSyntax Subject,
    bool Negated,
    IReadOnlyList<ValueSyntax> Values,
    TextSpan ListSpan,
    TextSpan Span) : ConditionSyntax(Span);
