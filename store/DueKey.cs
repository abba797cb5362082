namespace Fashen.Store;

/// <summary>Due dates as both stores index them: yyyyMMdd as an integer, so that date order is number order and a
/// day range is a number range; <see cref="None"/> (after every date) when the due date is unknown.</summary>
internal static class DueKey
{
    /// <summary>The key of a review whose due date is unknown.</summary>
    public const int None = 99_999_999;

    /// <summary>Gets a date's key.</summary>
    /// <param name="date">The date.</param>
    /// <returns>yyyyMMdd.</returns>
    public static int Of(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>Gets a due date's key.</summary>
    /// <param name="date">The due date, or null when unknown.</param>
    /// <returns>yyyyMMdd, or <see cref="None"/>.</returns>
    public static int Of(DateOnly? date) => date is { } known ? Of(known) : None;

    /// <summary>Gets the due date a key stands for.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The date, or null for <see cref="None"/>.</returns>
    public static DateOnly? ToDate(int key) => key == None ? null : new DateOnly(key / 10000, key / 100 % 100, key % 100);
}
