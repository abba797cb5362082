using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A set-valued fact contains at least one of the listed values:
/// <c>处罚种类 any of [责令停产停业, 吊销许可证件]</c>, <c>处罚种类 包含 吊销许可证件</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Values">The listed values, in the order written.</param>
/// <param name="ListSpan">Where the list (or single value) is.</param>
/// <param name="Span">Where the whole test is.</param>
public sealed record OverlapSyntax(
    NameSyntax Subject,
    IReadOnlyList<ValueSyntax> Values,
    TextSpan ListSpan,
    TextSpan Span) : ConditionSyntax(Span);
