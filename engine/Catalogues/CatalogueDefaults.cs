namespace Fashen.Engine.Catalogues;

/// <summary>What applies to every rule of a catalogue unless the rule says otherwise.</summary>
/// <param name="DeadlineWorkingDays">The review deadline, in working days from the day after the materials are complete.</param>
/// <param name="ExtensionWorkingDays">How many working days one extension may add; 0 when extensions are not allowed.</param>
/// <param name="ReviewPoints">The statutory review points every major decision is checked against.</param>
/// <param name="Materials">The materials every submission must include.</param>
/// <param name="HeadConfirmation">Whether the legal office's head (法制机构负责人) confirms each reviewer's opinion before it takes
/// effect.</param>
public sealed record CatalogueDefaults(
    int DeadlineWorkingDays,
    int ExtensionWorkingDays,
    IReadOnlyList<ChecklistItem> ReviewPoints,
    IReadOnlyList<string> Materials,
    bool HeadConfirmation = false);
