namespace Fashen.Engine.Decisions;

/// <summary>A decision's facts laid out by slot for the compiled rules: the only input the rule
/// expressions see.</summary>
/// <remarks>
/// Each fact owns one slot. Only the array for its type is used: amounts in <see cref="Amount"/>,
/// enum and ordinal codes in <see cref="Code"/> (−1 when absent), set bits in <see cref="Set"/>
/// (0 when absent) and booleans and judgement flags in <see cref="Flag"/>. Fields rather than
/// properties keep the compiled expressions as cheap as hand-written code.
/// </remarks>
public sealed class FactVector
{
    /// <summary>Initializes a new instance of the <see cref="FactVector"/> class with every fact absent.</summary>
    /// <param name="slots">The number of facts in the schema.</param>
    public FactVector(int slots)
    {
        Present = new bool[slots];
        Amount = new decimal[slots];
        Code = new int[slots];
        Array.Fill(Code, -1);
        Set = new ulong[slots];
        Flag = new bool[slots];
    }

    /// <summary>Whether each fact is known.</summary>
    public readonly bool[] Present;

    /// <summary>Money (元) and number values.</summary>
    public readonly decimal[] Amount;

    /// <summary>Enum and ordinal values, as codes; −1 when absent.</summary>
    public readonly int[] Code;

    /// <summary>Set values, one bit per value code; 0 when absent.</summary>
    public readonly ulong[] Set;

    /// <summary>Boolean values and raised judgement flags.</summary>
    public readonly bool[] Flag;

    /// <summary>Gets the number of slots.</summary>
    public int Slots => Present.Length;
}
