using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.ReviewUi.Pages.Catalogues;

/// <summary>One department's catalogue as people read it: each rule's condition in words, with its
/// basis, materials, review points and deadline.</summary>
public sealed class CatalogueModelPage(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>A version to show; the one in force today when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    public CatalogueModel? Catalogue { get; private set; }

    public IReadOnlyList<CatalogueModel> Versions { get; private set; } = [];

    public CatalogueModel? InForce { get; private set; }

    public void OnGet()
    {
        Versions = Reviews.Catalogues.VersionsOf(Id).Select(c => c.Catalogue).ToList();
        InForce = Reviews.Catalogues.InForce(Id, Reviews.Today)?.Catalogue;
        Catalogue = Version is null ? Reviews.Catalogues.Shown(Id, Reviews.Today)?.Catalogue : Versions.FirstOrDefault(v => v.Version == Version);
        if (Catalogue is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
