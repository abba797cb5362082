namespace Fashen.Engine.Facts;

/// <summary>Finds the name someone probably meant ("did you mean …?").</summary>
public static class NameSuggestions
{
    /// <summary>Finds the candidate closest to a name by edit distance, if it is close enough.</summary>
    /// <param name="name">The unknown name.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>The closest candidate, or null.</returns>
    /// <remarks>A Chinese character carries much of a word's meaning, so short words allow one edit
    /// and longer words about a third of their length. Ties go to the candidate listed first.</remarks>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Min(name.Length, best?.Length ?? 0) / 3);
        if (best is not null && bestDistance <= allowed)
        {
            return best;
        }

        // Chinese abbreviates by dropping characters (吊销执照 for 吊销营业执照): a name whose characters
        // all appear, in order, in a slightly longer candidate probably means that candidate.
        var longer = candidates
            .Where(c => c.Length > name.Length && c.Length - name.Length <= 3 && name.Length >= 2 && IsSubsequence(name, c))
            .OrderBy(c => c.Length)
            .FirstOrDefault();

        // And catalogues add words a known name leaves out (经过听证程序 for 经过听证): a slightly shorter candidate whose
        // characters all appear, in order, in the name — the longest such, the most specific. Three characters at least: a two-character
        // name inside a longer one says little (法人 is in 非法人组织).
        return longer ?? candidates
            .Where(c => c.Length < name.Length && name.Length - c.Length <= 3 && c.Length >= 3 && IsSubsequence(c, name))
            .OrderByDescending(c => c.Length)
            .FirstOrDefault();
    }

    private static bool IsSubsequence(string shorter, string longer)
    {
        var i = 0;
        foreach (var c in longer)
        {
            if (i < shorter.Length && shorter[i] == c)
            {
                i++;
            }
        }

        return i == shorter.Length;
    }

    /// <summary>Computes the Levenshtein distance between two names, ignoring case for ASCII letters.</summary>
    /// <param name="a">One name.</param>
    /// <param name="b">The other name.</param>
    /// <returns>The number of single-character edits.</returns>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
