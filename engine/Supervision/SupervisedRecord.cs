using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Supervision;

/// <summary>A decision as the record last saw it: reported issued (what was decided) or, until then, as last classified or submitted.</summary>
/// <param name="Department">The department.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Action">The kind of action (wire name).</param>
/// <param name="Party">The party as the case system named it, or null.</param>
/// <param name="On">The decision's date: decided on, else proposed on, else the day it was recorded.</param>
/// <param name="Json">The decision as canonical JSON.</param>
/// <param name="Sequence">The record entry it was last seen in: its link to the record.</param>
/// <param name="Issued">Whether it was reported issued.</param>
/// <param name="Classification">Its classification then (wire name).</param>
/// <param name="Rules">The rules it matched then.</param>
public sealed record ObservedDecision(
    string Department, string CaseId, string Action, string? Party, DateOnly On, string Json, long Sequence, bool Issued, string Classification,
    IReadOnlyList<string> Rules)
{
    /// <summary>Reads the decision against a catalogue's schema.</summary>
    /// <param name="classifier">The catalogue.</param>
    /// <returns>The bound decision, or null when it no longer binds (a fact the schema dropped).</returns>
    public BoundDecision? Bind(Classifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var read = DecisionJsonReader.Read(new SourceText("全过程记录", Json));
        return read.Value is { } decision ? DecisionBinder.Bind(decision, classifier.Catalogue.Schema).Value : null;
    }
}

/// <summary>A record entry the supervisor is shown: a finding, a relabelling, a late withdrawal.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="On">Its local date.</param>
public sealed record FlaggedEntry(AuditEntry Entry, DateOnly On);

/// <summary>What the supervisor reads from the record, kept up to date entry by entry: each case's decision as last seen, and the
/// entries that show the gate being bent. Reading only what was appended since the last time keeps a page cheap on a long record.</summary>
public sealed class SupervisedRecord
{
    /// <summary>The findings against the gate (责任追究).</summary>
    public static readonly IReadOnlySet<string> FindingTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        ReviewService.IssuedWithoutPermit, ReviewService.IssuedNotAsPermitted, ReviewService.InvalidPermitPresented,
    };

    /// <summary>Relabelling at the gate: a decision dressed as another form (refused, FS5027), a reviewed decision changed before issuance,
    /// a case's classification changed from major.</summary>
    public static readonly IReadOnlySet<string> RelabellingTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "decision.unlawful", ReviewService.EvasionAlert, "decision.reclassified",
    };

    private readonly Dictionary<(string Department, string CaseId), ObservedDecision> _decisions = [];
    private readonly List<FlaggedEntry> _findings = [];
    private readonly List<FlaggedEntry> _relabelling = [];
    private readonly List<FlaggedEntry> _lateWithdrawals = [];
    private readonly TimeZoneInfo _zone;

    /// <summary>Initializes a new instance of the <see cref="SupervisedRecord"/> class.</summary>
    /// <param name="zone">The time zone whose dates count.</param>
    public SupervisedRecord(TimeZoneInfo zone) => _zone = zone;

    /// <summary>Gets the last entry read, 0 before any.</summary>
    public long Through { get; private set; }

    /// <summary>Gets each case's decision as last seen.</summary>
    public IReadOnlyCollection<ObservedDecision> Decisions => _decisions.Values;

    /// <summary>Gets the findings, in record order.</summary>
    public IReadOnlyList<FlaggedEntry> Findings => _findings;

    /// <summary>Gets the relabelling entries, in record order.</summary>
    public IReadOnlyList<FlaggedEntry> Relabelling => _relabelling;

    /// <summary>Gets the withdrawals made more than three days late, in record order.</summary>
    public IReadOnlyList<FlaggedEntry> LateWithdrawals => _lateWithdrawals;

    /// <summary>Reads entries appended since the last call.</summary>
    /// <param name="entries">The entries after <see cref="Through"/>, in order.</param>
    public void Read(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Through = entry.Sequence;
            if (entry.Department is not { } department)
            {
                continue;
            }

            var on = ReviewOptions.LocalDay(entry.At, _zone);
            if (FindingTypes.Contains(entry.Type))
            {
                _findings.Add(new FlaggedEntry(entry, on));
            }
            else if (entry.Type == "decision.reclassified")
            {
                // A change of classification matters here when it leaves major behind.
                if ((string?)JsonNode.Parse(entry.Data)?["before"]?["classification"] == "major")
                {
                    _relabelling.Add(new FlaggedEntry(entry, on));
                }
            }
            else if (RelabellingTypes.Contains(entry.Type))
            {
                _relabelling.Add(new FlaggedEntry(entry, on));
            }
            else if (entry.Type == "publication.withdrawn")
            {
                if (JsonNode.Parse(entry.Data)?["late"]?.GetValue<bool>() == true)
                {
                    _lateWithdrawals.Add(new FlaggedEntry(entry, on));
                }
            }
            else if (entry.Type is "decision.classified" or ReviewService.IssuedEntry)
            {
                Observe(entry, department, on);
            }
            else if (entry.Type is "review.submitted" or "review.resubmitted")
            {
                var submission = ReviewEventSerializer.Deserialize(entry.Type, entry.Data) switch
                {
                    ReviewSubmitted s => s.Submission,
                    ReviewResubmitted r => r.Submission,
                    _ => null,
                };
                if (submission is not null && _decisions.GetValueOrDefault((department, Text(submission.Decision, "caseId") ?? string.Empty)) is not { Issued: true })
                {
                    Keep(entry, department, on, submission.Decision, issued: false, "major", submission.MatchedRules.Select(r => r.Id).ToList(), decidedOn: null);
                }
            }
        }
    }

    private void Observe(AuditEntry entry, string department, DateOnly on)
    {
        var data = JsonNode.Parse(entry.Data);
        if (data?["decision"] is not JsonObject decision)
        {
            // Written before decisions were recorded with their classification: nothing to read amounts from.
            return;
        }

        var issued = entry.Type == ReviewService.IssuedEntry;
        var earlier = _decisions.GetValueOrDefault((department, Text(decision, "caseId") ?? string.Empty));
        if (!issued && earlier is { Issued: true })
        {
            return;
        }

        var decidedOn = issued && Text(data, "decidedOn") is { } text ? DateOnly.Parse(text, CultureInfo.InvariantCulture) : (DateOnly?)null;

        // An issued decision's rules are those it matched when classified or submitted.
        var rules = issued && earlier is not null ? earlier.Rules : data["rules"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
        Keep(entry, department, on, decision, issued, Text(data, "classification") ?? "unknown", rules, decidedOn);
    }

    private void Keep(AuditEntry entry, string department, DateOnly on, JsonNode decision, bool issued, string classification, IReadOnlyList<string> rules, DateOnly? decidedOn)
    {
        var caseId = Text(decision, "caseId") ?? string.Empty;
        var proposedOn = Text(decision, "proposedOn") is { } proposed && DateOnly.TryParse(proposed, CultureInfo.InvariantCulture, out var p) ? p : (DateOnly?)null;
        var party = issued && Text(decision, "party") is null
            ? Text(JsonNode.Parse(entry.Data)?["publication"], "party")
            : Text(decision, "party");
        _decisions[(department, caseId)] = new ObservedDecision(
            department, caseId, Text(decision, "action") ?? "unknown", party, decidedOn ?? proposedOn ?? on, decision.ToJsonString(), entry.Sequence, issued, classification, rules);
    }

    private static string? Text(JsonNode? node, string key) => EntryFields.Text(node, key);
}
