using System.CommandLine;
using Fashen.Catalogue.Loading;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Cli.Commands;

/// <summary>What lint and test share: the paths argument, and reading the files with every diagnostic shown.</summary>
internal static class CatalogueFiles
{
    public static Argument<string[]> PathsArgument(string description) => new("路径")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    public static CatalogueWorkspace LoadAndReport(CliContext context, IReadOnlyList<string> paths)
    {
        var workspace = CatalogueWorkspace.Load(paths, baseDirectory: context.WorkingDirectory);
        if (workspace.Diagnostics.Count > 0)
        {
            context.Error.Write(DiagnosticRenderer.Render(workspace.Diagnostics, workspace.Source));
        }

        return workspace;
    }
}
