using Fashen.Engine.Catalogues;

namespace Fashen.ReviewUi.Display;

/// <summary>Names as the pages show them.</summary>
public static class Names
{
    /// <summary>An action kind's wire name in Chinese: penalty is 行政处罚.</summary>
    public static string Action(string wire) => ActionKinds.TryParse(wire, out var kind) ? kind.ToChinese() : wire;
}
