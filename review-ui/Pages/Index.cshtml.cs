using Fashen.Engine.Catalogues;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages;

/// <summary>The queue: open reviews, soonest due first, with filters and paging.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    public const int PageSize = 50;

    /// <summary>The states that make up the open queue, in the order they are offered.</summary>
    public static readonly ReviewState[] OpenStates = [ReviewState.Accepted, ReviewState.UnderReview, ReviewState.Returned, ReviewState.Correcting];

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    /// <summary>"open" (the default), "all", or one state's wire name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReviewPage Results { get; private set; } = new([], 0);

    public string? Problem { get; private set; }

    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public void OnGet()
    {
        var query = new ReviewQuery
        {
            Department = string.IsNullOrEmpty(Department) ? null : Department,
            States = State switch
            {
                null or "" or "open" => OpenStates,
                "all" => [],
                _ => ReviewNames.TryParseState(State, out var state) ? [state] : OpenStates,
            },
            Action = ActionKinds.TryParse(Action ?? string.Empty, Reviews.Catalogues.ActionKinds, out var action) ? action.ToWire() : null,
            Due = DueStates.TryParse(Due ?? string.Empty, out var due) ? due : null,
            CaseIdContains = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
            Page = Math.Max(1, PageNumber),
            PageSize = PageSize,
        };

        var outcome = Reviews.Query(Caller, query);
        if (outcome.Succeeded)
        {
            Results = outcome.Value!;
        }
        else
        {
            Problem = outcome.Error!.Message;
        }
    }

    /// <summary>The query string for another page of the same list.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string?>
        {
            ["department"] = Department,
            ["state"] = State,
            ["action"] = Action,
            ["due"] = Due,
            ["q"] = Search,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return route.Where(r => !string.IsNullOrEmpty(r.Value)).ToDictionary(r => r.Key, r => r.Value!);
    }
}
