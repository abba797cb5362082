namespace Fashen.Engine.Catalogues;

/// <summary>The procedure under which a decision is made.</summary>
public enum Procedure
{
    /// <summary>一般程序 (also 普通程序): the ordinary procedure.</summary>
    General,

    /// <summary>简易程序 (当场处罚): decisions under it are outside legal review.</summary>
    Simple,
}

/// <summary>Names of the procedures.</summary>
public static class Procedures
{
    /// <summary>Gets the Chinese name of a procedure.</summary>
    /// <param name="procedure">The procedure.</param>
    /// <returns>一般程序 or 简易程序.</returns>
    public static string ToChinese(this Procedure procedure) => procedure == Procedure.Simple ? "简易程序" : "一般程序";

    /// <summary>Gets the machine name of a procedure.</summary>
    /// <param name="procedure">The procedure.</param>
    /// <returns>general or simple.</returns>
    public static string ToWire(this Procedure procedure) => procedure == Procedure.Simple ? "simple" : "general";

    /// <summary>Reads a procedure from its Chinese or machine name.</summary>
    /// <param name="text">The name: 一般程序, 普通程序, 简易程序, general or simple.</param>
    /// <param name="procedure">The procedure read.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, out Procedure procedure)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "一般程序" or "普通程序" or "一般" or "普通" or "general":
                procedure = Procedure.General;
                return true;
            case "简易程序" or "简易" or "当场处罚" or "simple":
                procedure = Procedure.Simple;
                return true;
            default:
                procedure = default;
                return false;
        }
    }
}
