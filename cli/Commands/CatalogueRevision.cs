using System.Diagnostics;
using System.Formats.Tar;
using Fashen.Catalogue.Loading;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Cli.Commands;

/// <summary>A revision of the catalogues named on the command line: a folder as it is now, or
/// <c>REV:PATH</c> — the folder as git holds it at a revision (<c>main:samples/catalogues</c>,
/// <c>HEAD~1:catalogues</c>), written out to a temporary folder with <c>git archive</c>.</summary>
internal sealed class CatalogueRevision : IDisposable
{
    private readonly string? _temporary;

    private CatalogueRevision(string label, string folder, string? commit, string? temporary)
    {
        Label = label;
        Folder = folder;
        Commit = commit;
        _temporary = temporary;
    }

    /// <summary>Gets the revision as the user wrote it.</summary>
    public string Label { get; }

    /// <summary>Gets the folder holding the catalogues of this revision.</summary>
    public string Folder { get; }

    /// <summary>Gets the git commit of a <c>REV:PATH</c> revision; null for a folder.</summary>
    public string? Commit { get; }

    /// <summary>Finds a revision: an existing folder or file, or else <c>REV:PATH</c> in the git repository
    /// around the working folder.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="spec">The revision as written.</param>
    /// <param name="error">Why it could not be found, in Chinese.</param>
    /// <returns>The revision, or null with <paramref name="error"/>.</returns>
    public static CatalogueRevision? Open(CliContext context, string spec, out string? error)
    {
        error = null;
        var asPath = context.Resolve(spec);
        if (Directory.Exists(asPath) || File.Exists(asPath))
        {
            return new CatalogueRevision(spec, asPath, null, null);
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            error = $"找不到“{spec}”。请给出目录清单文件夹，或用“修订:路径”指定 git 中的版本，例如 main:samples/catalogues。";
            return null;
        }

        var revision = spec[..colon];
        var path = spec[(colon + 1)..];
        if (Git(context.WorkingDirectory, ["rev-parse", "--show-toplevel"], out var top) is { } notRepository)
        {
            error = $"“{spec}”指定了 git 修订，但当前文件夹不在 git 仓库中：{notRepository}";
            return null;
        }

        var root = top.Trim();
        if (Git(root, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], out var commitText) is not null)
        {
            error = $"git 仓库中没有修订“{revision}”。";
            return null;
        }

        var commit = commitText.Trim();
        var temporary = Directory.CreateTempSubdirectory("fashen-revision-").FullName;
        try
        {
            // The whole tree, so that the schema and holiday files the catalogues name (../facts.yaml) come along.
            Archive(root, commit, temporary);
            var relative = Path.GetRelativePath(root, context.Resolve(path));
            var folder = Path.Combine(temporary, relative);
            if (!Directory.Exists(folder) && !File.Exists(folder))
            {
                Directory.Delete(temporary, recursive: true);
                error = $"修订 {revision}（{commit[..7]}）中没有“{path}”。";
                return null;
            }

            return new CatalogueRevision(spec, folder, commit, temporary);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or InvalidDataException)
        {
            Directory.Delete(temporary, recursive: true);
            error = $"无法从 git 取出修订 {revision}：{exception.Message}";
            return null;
        }
    }

    /// <summary>Reads the catalogues of this revision, showing any diagnostics under the revision's name.</summary>
    /// <param name="context">The command's context.</param>
    /// <returns>The workspace, or null when it has errors.</returns>
    public CatalogueWorkspace? Load(CliContext context)
    {
        // Paths inside a revision taken from git are shown relative to its tree, as the repository names them.
        var workspace = CatalogueWorkspace.Load([Folder], baseDirectory: Commit is null ? context.WorkingDirectory : _temporary);
        if (workspace.Diagnostics.Count > 0)
        {
            context.Error.WriteLine($"{Label}：");
            context.Error.Write(DiagnosticRenderer.Render(workspace.Diagnostics, workspace.Source));
        }

        return workspace.HasErrors ? null : workspace;
    }

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    private static void Archive(string root, string commit, string into)
    {
        using var git = Process.Start(Start(root, ["archive", "--format=tar", commit]))
            ?? throw new InvalidOperationException("git 无法启动。");
        var stderr = git.StandardError.ReadToEndAsync();
        TarFile.ExtractToDirectory(git.StandardOutput.BaseStream, into, overwriteFiles: true);
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException(stderr.Result.Trim());
        }
    }

    // Runs git; returns null on success, or its error message.
    private static string? Git(string folder, string[] arguments, out string output)
    {
        output = string.Empty;
        try
        {
            using var git = Process.Start(Start(folder, arguments)) ?? throw new InvalidOperationException("git 无法启动。");
            var stderr = git.StandardError.ReadToEndAsync();
            output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? null : stderr.Result.Trim();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"找不到 git 命令（{exception.Message}）。";
        }
    }

    private static ProcessStartInfo Start(string folder, string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
