using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A bare boolean fact or judgement flag: <c>听证</c>, <c>疑难复杂</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Span">Where the name is.</param>
public sealed record FlagSyntax(NameSyntax Subject, TextSpan Span) : ConditionSyntax(Span);
