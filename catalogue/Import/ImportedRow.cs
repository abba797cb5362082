using Fashen.Engine.Catalogues;

namespace Fashen.Catalogue.Import;

/// <summary>How much of a published row import could read.</summary>
public enum ImportReading
{
    /// <summary>A condition was read and nothing with a meaning was left over.</summary>
    Full,

    /// <summary>A condition was read, but some wording was not.</summary>
    Partial,

    /// <summary>No condition could be read.</summary>
    None,
}

/// <summary>One published row, read into a draft rule.</summary>
/// <param name="Title">The wording exactly as published; it becomes the rule's title.</param>
/// <param name="Actions">The kinds of action the row speaks of.</param>
/// <param name="Condition">The condition read, in the threshold language, or null.</param>
/// <param name="Unread">The wording that carried meaning but was not read.</param>
/// <param name="Notes">Readings a person must check (a number missing in the source, a drafting word taken from the next amount).</param>
/// <param name="Reading">How much was read.</param>
/// <param name="Matter">The enforcement matter the row names, to be added to the catalogue's values, or null.</param>
public sealed record ImportedRow(
    string Title,
    IReadOnlyList<ActionKind> Actions,
    string? Condition,
    IReadOnlyList<string> Unread,
    IReadOnlyList<string> Notes,
    ImportReading Reading,
    string? Matter);
