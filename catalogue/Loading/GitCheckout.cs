namespace Fashen.Catalogue.Loading;

/// <summary>Finds the commit a folder's git checkout is at, by reading <c>.git</c> itself: no git
/// program is needed to serve catalogues.</summary>
public static class GitCheckout
{
    /// <summary>Gets the commit checked out in the repository that holds a folder.</summary>
    /// <param name="folder">A folder inside the checkout.</param>
    /// <returns>The full commit id, or null when the folder is not in a git checkout or its HEAD cannot be read.</returns>
    public static string? HeadCommit(string folder)
    {
        if (GitDirectory(folder) is not { } git)
        {
            return null;
        }

        try
        {
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return IsCommitId(head) ? head : null;
            }

            var reference = head[5..].Trim();
            var loose = Path.Combine(git, reference.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(loose))
            {
                var id = File.ReadAllText(loose).Trim();
                return IsCommitId(id) ? id : null;
            }

            // Refs packed by git gc: "<id> <ref>" lines.
            var packed = Path.Combine(CommonDirectory(git), "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ', 2)).FirstOrDefault(p => p.Length == 2 && p[1].Trim() == reference && IsCommitId(p[0]))?[0]
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The .git folder above a folder; a worktree's .git file names its folder ("gitdir: …").
    private static string? GitDirectory(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git))
            {
                return git;
            }

            if (File.Exists(git))
            {
                var line = File.ReadAllText(git).Trim();
                return line.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(line[7..].Trim(), dir.FullName) : null;
            }
        }

        return null;
    }

    // A worktree keeps refs in the main repository ("commondir").
    private static string CommonDirectory(string git)
    {
        var common = Path.Combine(git, "commondir");
        return File.Exists(common) ? Path.GetFullPath(File.ReadAllText(common).Trim(), git) : git;
    }

    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(Uri.IsHexDigit);
}
