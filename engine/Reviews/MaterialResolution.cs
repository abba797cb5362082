namespace Fashen.Engine.Reviews;

/// <summary>How a material missing from a submission was resolved when a reviewer accepted the case anyway: received on
/// paper (纸质材料已收, with its page count) or not required (免予提交, with the reason). Recorded with the acceptance and
/// shown in place of "missing" from then on.</summary>
/// <param name="Material">The material.</param>
/// <param name="How"><see cref="Paper"/> or <see cref="Waived"/>.</param>
/// <param name="Pages">The pages received on paper; null when waived.</param>
/// <param name="Reason">Why it need not be submitted; null when received on paper.</param>
public sealed record MaterialResolution(string Material, string How, int? Pages, string? Reason)
{
    /// <summary>Received on paper.</summary>
    public const string Paper = "paper";

    /// <summary>Not required for this case.</summary>
    public const string Waived = "waived";

    /// <summary>The most pages a paper material is recorded with.</summary>
    public const int MaxPages = 100_000;

    /// <summary>The longest reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Says how it was resolved, in Chinese.</summary>
    /// <returns>纸质材料已收（12 页） or 免予提交：reason.</returns>
    public string ToChinese() => How == Paper ? $"纸质材料已收（{Pages} 页）" : $"免予提交：{Reason}";
}
