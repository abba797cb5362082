namespace Fashen.Engine.Facts;

/// <summary>Describes fact types to people, in Chinese.</summary>
public static class FactTypeNames
{
    /// <summary>Gets the Chinese name of a type, as used in the schema documentation.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this FactType type) => type switch
    {
        FactType.Money => "金额",
        FactType.Number => "数值",
        FactType.Enum => "枚举",
        FactType.Ordinal => "有序枚举",
        FactType.Set => "枚举集合",
        FactType.Boolean => "是否",
        _ => "判断标记",
    };

    /// <summary>Describes the values a decision may give a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>A phrase such as "金额（数字，单位为元，或带单位的文字如 \"5万元\"）".</returns>
    public static string DescribeExpectedValue(FactDefinition fact) => fact.Type switch
    {
        FactType.Money => "金额（不为负的数字，单位为元；或带单位的文字，如 \"5万元\"）",
        FactType.Number => "数字",
        FactType.Enum or FactType.Ordinal => $"以下取值之一的文字：{AllowedValues(fact)}",
        FactType.Set => $"由以下取值组成的列表：{AllowedValues(fact)}",
        FactType.Boolean => "true 或 false（是 或 否）",
        _ => "认定记录 {\"raised\": true, \"raisedBy\": \"认定人\", \"reason\": \"理由\"}，或 false（未认定）",
    };

    /// <summary>Lists a fact's allowed values, joined by 、.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The values.</returns>
    public static string AllowedValues(FactDefinition fact) => string.Join("、", fact.Values.Select(v => v.Name));
}
