using Fashen.Catalogue.Loading;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Api.Catalogues;

/// <summary>Keeps the catalogues in force and reloads them from their folder: a catalogue set with
/// errors is refused with its diagnostics and the previous set keeps serving; a good one replaces it
/// in one step, so a request always runs against one whole set.</summary>
public sealed class CatalogueProvider : ICatalogueSource
{
    private readonly FashenOptions _options;
    private readonly Lock _reloading = new();
    private volatile CatalogueSet _current = CatalogueSet.Empty;

    public CatalogueProvider(FashenOptions options)
    {
        _options = options;
    }

    /// <inheritdoc/>
    public CatalogueSet Current => _current;

    /// <summary>Gets the workspace the catalogues in force came from, for listing them.</summary>
    public CatalogueWorkspace? Workspace { get; private set; }

    /// <summary>Reads the catalogue folder again and, when it is free of errors, swaps the new set in
    /// whole: requests already running finish on the set they started with.</summary>
    /// <returns>The diagnostics, and whether the set in force changed; when any diagnostic is an error, nothing changed.</returns>
    public CatalogueReload Reload()
    {
        lock (_reloading)
        {
            var workspace = CatalogueWorkspace.Load([_options.Catalogues], _options.Calendar, Directory.GetCurrentDirectory());
            if (workspace.HasErrors)
            {
                return new CatalogueReload(workspace, Changed: false);
            }

            var changed = Workspace is null
                || !workspace.Catalogues.Select(c => c.Revision + c.Commit).SequenceEqual(Workspace.Catalogues.Select(c => c.Revision + c.Commit));
            Workspace = workspace;
            _current = workspace.ToCatalogueSet();
            return new CatalogueReload(workspace, changed);
        }
    }
}

/// <summary>What a reload found.</summary>
/// <param name="Workspace">What was read, with the sources its diagnostics point into.</param>
/// <param name="Changed">Whether the catalogues in force changed (a version added, removed or edited).</param>
public sealed record CatalogueReload(CatalogueWorkspace Workspace, bool Changed)
{
    /// <summary>Gets every diagnostic; when any is an error, the catalogues in force did not change.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Workspace.Diagnostics;

    /// <summary>Gets how many errors were found.</summary>
    public int Errors => Diagnostics.Count(d => d.IsError);
}
