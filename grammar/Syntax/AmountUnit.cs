namespace Fashen.Grammar.Syntax;

/// <summary>The unit written after a number.</summary>
public enum AmountUnit
{
    /// <summary>No unit: a plain number (元 when the fact is money).</summary>
    None,

    /// <summary>元.</summary>
    Yuan,

    /// <summary>千 or 千元: a thousand 元.</summary>
    Thousand,

    /// <summary>万 or 万元: ten thousand 元.</summary>
    TenThousand,

    /// <summary>亿 or 亿元: a hundred million 元.</summary>
    HundredMillion,
}
