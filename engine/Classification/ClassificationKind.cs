namespace Fashen.Engine.Classification;

/// <summary>What a classification concludes about a decision.</summary>
public enum ClassificationKind
{
    /// <summary>A major decision: it must pass legal review before it is issued.</summary>
    Major,

    /// <summary>Not a major decision: no rule of the catalogue matches.</summary>
    Minor,

    /// <summary>Made under the simple procedure (简易程序), which is outside legal review.</summary>
    Exempt,

    /// <summary>Facts a rule needs are missing, so no answer can be given yet; a missing fact never
    /// silently means minor.</summary>
    Undetermined,

    /// <summary>The decision breaks a form the law requires of it (the simple procedure's limits, a fact that does not
    /// belong to its kind): it may not be made so, and no permit is given for it.</summary>
    Unlawful,
}

/// <summary>Names of the classification kinds.</summary>
public static class ClassificationKinds
{
    /// <summary>Gets the machine name (major, minor, exempt, undetermined, unlawful).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToWire(this ClassificationKind kind) => kind switch
    {
        ClassificationKind.Major => "major",
        ClassificationKind.Minor => "minor",
        ClassificationKind.Exempt => "exempt",
        ClassificationKind.Unlawful => "unlawful",
        _ => "undetermined",
    };

    /// <summary>Gets the Chinese name.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this ClassificationKind kind) => kind switch
    {
        ClassificationKind.Major => "重大执法决定",
        ClassificationKind.Minor => "非重大执法决定",
        ClassificationKind.Exempt => "简易程序，不属于法制审核范围",
        ClassificationKind.Unlawful => "不符合法定形式",
        _ => "尚无法判定",
    };

    /// <summary>Reads a kind from its machine or Chinese name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, out ClassificationKind kind)
    {
        foreach (var candidate in Enum.GetValues<ClassificationKind>())
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase) || text == candidate.ToChinese()
                || (candidate == ClassificationKind.Major && text == "重大")
                || (candidate == ClassificationKind.Minor && text == "非重大"))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
