using Fashen.Catalogue.Loading;
using Fashen.Engine.Classification;
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

    /// <summary>Reads the catalogue folder again.</summary>
    /// <returns>The diagnostics; when any is an error, nothing changed.</returns>
    public IReadOnlyList<Diagnostic> Reload()
    {
        lock (_reloading)
        {
            var workspace = CatalogueWorkspace.Load([_options.Catalogues], _options.Calendar, Directory.GetCurrentDirectory());
            if (workspace.HasErrors)
            {
                return workspace.Diagnostics;
            }

            var classifiers = workspace.Catalogues.ToDictionary(c => c.Id, Classifier.Compile);
            Workspace = workspace;
            _current = new CatalogueSet(classifiers, workspace.Calendar);
            return workspace.Diagnostics;
        }
    }
}
