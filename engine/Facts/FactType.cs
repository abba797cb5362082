namespace Fashen.Engine.Facts;

/// <summary>The type of a fact, which decides the operators a condition may use on it.</summary>
public enum FactType
{
    /// <summary>An amount of money, held exactly in 元 (at most to the 分).</summary>
    Money,

    /// <summary>A plain number, such as a count of people.</summary>
    Number,

    /// <summary>One value from a fixed list (当事人类型).</summary>
    Enum,

    /// <summary>One value from an ordered list, so that &gt;= works (执法层级: 乡镇 &lt; 县 &lt; 市 &lt; 省).</summary>
    Ordinal,

    /// <summary>Several values from a fixed list (处罚种类).</summary>
    Set,

    /// <summary>Yes or no, known from the case (已经过听证).</summary>
    Boolean,

    /// <summary>A judgement raised by a person, who must say who they are and why (重大公共利益, 疑难复杂).
    /// A flag nobody raised is false.</summary>
    Judgement,
}
