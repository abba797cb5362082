using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A range written as published tables write it, each end with its own drafting word:
/// <c>罚款金额 20万元以上50万元以下</c>, <c>罚款金额 20万元以上不满50万元</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Lower">The lower end (以上 or 超过), a comparison of the same fact.</param>
/// <param name="Upper">The upper end (以下, 以内 or 不满), a comparison of the same fact.</param>
/// <param name="Span">Where the whole range is.</param>
public sealed record RangeSyntax(NameSyntax Subject, ComparisonSyntax Lower, ComparisonSyntax Upper, TextSpan Span)
    : ConditionSyntax(Span);
