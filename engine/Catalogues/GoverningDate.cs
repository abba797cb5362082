namespace Fashen.Engine.Catalogues;

/// <summary>Which date of a decision chooses the catalogue version that classifies it.</summary>
public enum GoverningDate
{
    /// <summary>The date the decision is proposed (<c>proposedOn</c>); the default.</summary>
    ProposedOn,

    /// <summary>The date the case was filed (<c>filedOn</c>, 立案日期), where a catalogue says so.</summary>
    FiledOn,
}

/// <summary>Names of <see cref="GoverningDate"/>.</summary>
public static class GoverningDates
{
    /// <summary>Gets the name used in catalogue files: proposed_on or filed_on.</summary>
    /// <param name="date">The governing date.</param>
    /// <returns>The name.</returns>
    public static string ToWire(this GoverningDate date) => date == GoverningDate.FiledOn ? "filed_on" : "proposed_on";

    /// <summary>Gets the Chinese name: 拟作出决定日期 or 立案日期.</summary>
    /// <param name="date">The governing date.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this GoverningDate date) => date == GoverningDate.FiledOn ? "立案日期" : "拟作出决定日期";

    /// <summary>Reads the name used in catalogue files.</summary>
    /// <param name="text">proposed_on, filed_on, or their Chinese names.</param>
    /// <param name="date">The governing date.</param>
    /// <returns>True when known.</returns>
    public static bool TryParse(string text, out GoverningDate date)
    {
        date = text.Trim() switch
        {
            "filed_on" or "立案日期" => GoverningDate.FiledOn,
            _ => GoverningDate.ProposedOn,
        };
        return text.Trim() is "filed_on" or "立案日期" or "proposed_on" or "拟作出决定日期";
    }
}
