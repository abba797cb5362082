namespace Fashen.Engine.Classification;

/// <summary>A condition's truth for a decision that may lack facts (Kleene's three-valued logic).</summary>
internal enum Truth
{
    /// <summary>Definitely false.</summary>
    False,

    /// <summary>Depends on a fact the decision does not give.</summary>
    Unknown,

    /// <summary>Definitely true.</summary>
    True,
}
