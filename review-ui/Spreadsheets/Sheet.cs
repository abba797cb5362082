namespace Fashen.ReviewUi.Spreadsheets;

/// <summary>One worksheet of an export: a title line, a header row and the rows, as a person would lay it out by hand.
/// Cells are text, whole or decimal numbers, dates or empty; everything else is written as its text.</summary>
/// <param name="Name">The worksheet's name (at most 31 characters; <c>/\*?[]:</c> are replaced).</param>
/// <param name="Title">The line above the table: what it is and as of when.</param>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows, each as many cells as there are headers.</param>
public sealed record Sheet(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
