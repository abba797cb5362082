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

    public CatalogueModel? Catalogue { get; private set; }

    public void OnGet()
    {
        Catalogue = Reviews.Catalogues.Classifiers.TryGetValue(Id, out var classifier) ? classifier.Catalogue : null;
        if (Catalogue is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
