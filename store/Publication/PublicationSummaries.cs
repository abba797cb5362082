using Fashen.Engine.Publication;

namespace Fashen.Store.Publication;

/// <summary>What lists of publications filter and sort on, for one publication; dates as ISO text, which sorts as written.</summary>
internal sealed record PublicationSummary(
    string Id, string Department, string Action, string DocumentNumber, string Party, PublicationState State, string DecidedOn, string? DueOn, string? PublishedOn)
{
    public static PublicationSummary Of(PublicationRecord record) => new(
        record.Id, record.Department, record.Action, record.DocumentNumber, record.PublicParty, record.State, Day(record.DecidedOn),
        record.DueOn is { } due ? Day(due) : null, record.PublishedOn is { } published ? Day(published) : null);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An exact copy in memory of every publication's summary in a LiteDB file, which belongs to one process: the queue and the
/// public register are answered from it, as the reviews' queue is (<see cref="ReviewSummaries"/>). A publication the store commits
/// is put in as it stands; one read from the file before that commit does not replace it.</summary>
internal sealed class PublicationSummaries
{
    private readonly Dictionary<string, PublicationSummary> _all = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private volatile bool _loaded;

    /// <summary>Gets or sets a value indicating whether the file's publications have all been read in; read without a lock.</summary>
    public bool Loaded
    {
        get => _loaded;
        set => _loaded = value;
    }

    public void Put(PublicationSummary summary)
    {
        lock (_lock)
        {
            _all[summary.Id] = summary;
        }
    }

    public void AddRead(PublicationSummary summary)
    {
        lock (_lock)
        {
            _all.TryAdd(summary.Id, summary);
        }
    }

    /// <summary>Finds the ids of one list's publications, in its order.</summary>
    public List<string> Find(PublicationQuery query)
    {
        var (from, to) = (query.DecidedFrom is { } f ? PublicationSummary.Day(f) : string.Empty, query.DecidedTo is { } t ? PublicationSummary.Day(t) : "9999-12-31");
        List<PublicationSummary> found;
        lock (_lock)
        {
            found = _all.Values
                .Where(p => (query.State is null || p.State == query.State) && (query.Departments is null || query.Departments.Contains(p.Department))
                    && (query.Action is null || p.Action == query.Action)
                    && string.CompareOrdinal(p.DecidedOn, from) >= 0 && string.CompareOrdinal(p.DecidedOn, to) <= 0
                    && (query.Text is not { Length: > 0 } text || p.DocumentNumber.Contains(text, StringComparison.Ordinal) || p.Party.Contains(text, StringComparison.Ordinal)))
                .ToList();
        }

        var ordered = query.Order == PublicationOrder.NewestPublished
            ? found.OrderByDescending(p => p.PublishedOn ?? string.Empty, StringComparer.Ordinal)
            : found.OrderBy(p => p.DueOn ?? "~", StringComparer.Ordinal);
        return ordered.ThenByDescending(p => p.DecidedOn, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit).Select(p => p.Id).ToList();
    }
}
