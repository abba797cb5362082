using System.Globalization;
using System.Text;

namespace Fashen.Engine.Access;

/// <summary>People's names and sign-in names as Fashen compares them: NFKC-normalised, so that full-width letters and
/// compatibility forms are the letters they show (ｌｉ.ｍｉｎ is li.min), and refused when they hold characters nobody sees
/// (control, format and zero-width characters, line and paragraph separators), which would make one person two.</summary>
public static class PersonNames
{
    /// <summary>The longest sign-in name or person's name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Normalises a sign-in name: NFKC, with no spaces and no invisible characters.</summary>
    /// <param name="text">The name as typed.</param>
    /// <param name="username">The normalised name, when it is one.</param>
    /// <returns>Null when the name is acceptable; else what is wrong with it, in Chinese.</returns>
    public static string? NormalizeUsername(string text, out string username)
    {
        username = text.Normalize(NormalizationForm.FormKC).Trim();
        if (username.Length == 0)
        {
            return "登录名不能为空。";
        }

        if (username.Length > MaxLength)
        {
            return $"登录名最多 {MaxLength} 个字符。";
        }

        if (Invisible(username) is { } hidden)
        {
            return $"登录名中有看不见的字符（{hidden}），请删去后重新输入。";
        }

        return username.Any(char.IsWhiteSpace) ? "登录名中不能有空格。" : null;
    }

    /// <summary>Normalises a person's name: NFKC, trimmed, runs of spaces made one, with no invisible characters.</summary>
    /// <param name="text">The name as written.</param>
    /// <param name="name">The normalised name, when it is one.</param>
    /// <returns>Null when the name is acceptable; else what is wrong with it, in Chinese.</returns>
    public static string? NormalizeName(string text, out string name)
    {
        name = string.Join(' ', text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
        {
            return "姓名不能为空。";
        }

        if (name.Length > MaxLength)
        {
            return $"姓名最多 {MaxLength} 个字符。";
        }

        return Invisible(name) is { } hidden ? $"姓名“{Visible(name)}”中有看不见的字符（{hidden}），请删去后重新填写。" : null;
    }

    /// <summary>Names the first character in a text that shows nothing: U+200B and the like.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The character as U+XXXX, or null when there is none.</returns>
    public static string? Invisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                return $"U+{rune.Value:X4}";
            }
        }

        return null;
    }

    // The text with what cannot be seen taken out, to show in a message.
    private static string Visible(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => Invisible(r.ToString()) is null).Select(r => r.ToString()));
}
