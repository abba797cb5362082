namespace Fashen.Engine.Facts;

/// <summary>A phrase of published catalogues and the condition it means, as the fact schema's phrase table gives it
/// (<c>经过听证程序: 已听证</c>); <c>fashen import</c> reads rows with it.</summary>
/// <param name="Phrase">The wording, as catalogues publish it.</param>
/// <param name="Condition">The condition, in the threshold language, already checked against the schema.</param>
public sealed record ImportPhrase(string Phrase, string Condition);
