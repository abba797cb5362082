using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Records;

namespace Fashen.Engine.Decisions;

/// <summary>The canonical form of a decision: what a review approves and what the issuance gate compares.</summary>
/// <remarks>
/// Facts are keyed by their schema key whatever name the case system used, amounts are exact decimal
/// text, sets are in schema order and a judgement nobody raised is left out, so two requests that
/// mean the same decision have the same digest, and any change of substance (a fine raised after
/// approval) changes it.
/// </remarks>
public static class DecisionCanonicalForm
{
    /// <summary>Builds the canonical JSON of a decision.</summary>
    /// <param name="decision">The bound decision.</param>
    /// <returns>The canonical JSON text.</returns>
    public static string ToJson(BoundDecision decision) => CanonicalJson.Serialize(ToNode(decision));

    /// <summary>Computes the digest of a decision's canonical form.</summary>
    /// <param name="decision">The bound decision.</param>
    /// <returns><c>sha256:</c> and hex.</returns>
    public static string Digest(BoundDecision decision) => CanonicalJson.Hash(ToJson(decision));

    /// <summary>Gives each fact of a decision as canonical text, by key, for comparing two versions of a decision.</summary>
    /// <param name="decision">The bound decision.</param>
    /// <returns>Fact key to canonical value text.</returns>
    public static IReadOnlyDictionary<string, string> Facts(BoundDecision decision) =>
        decision.GivenFacts()
            .Select(f => (f.Fact.Key, Node: FactNode(f.Value)))
            .Where(f => f.Node is not null)
            .ToDictionary(f => f.Key, f => CanonicalJson.Serialize(f.Node), StringComparer.Ordinal);

    /// <summary>Builds the canonical form of a decision as a JSON object, to place in other JSON.</summary>
    /// <param name="decision">The bound decision.</param>
    /// <returns>A new object.</returns>
    public static JsonObject ToNode(BoundDecision decision)
    {
        var facts = new JsonObject();
        foreach (var (fact, value) in decision.GivenFacts())
        {
            if (FactNode(value) is { } node)
            {
                facts[fact.Key] = node;
            }
        }

        var root = new JsonObject
        {
            ["caseId"] = decision.CaseId,
            ["department"] = decision.Department,
            ["action"] = decision.Action.ToWire(),
            ["procedure"] = decision.Procedure.ToWire(),
            ["facts"] = facts,
        };
        if (decision.ProposedOn is { } date)
        {
            root["proposedOn"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (decision.FiledOn is { } filed)
        {
            root["filedOn"] = filed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // The party is part of what is approved: a decision issued to someone else needs its own review.
        if (decision.Party is { } party)
        {
            root["party"] = party;
        }

        // So is the cause: the same decision for another violation is another decision.
        if (decision.Cause is { } cause)
        {
            root["cause"] = cause;
        }

        return root;
    }

    private static JsonNode? FactNode(FactValue value) => value switch
    {
        AmountValue amount => JsonValue.Create(amount.Value.ToString(CultureInfo.InvariantCulture)),
        OptionValue option => JsonValue.Create(option.Option.Name),
        OptionSetValue set => new JsonArray(set.Options.Select(o => (JsonNode)JsonValue.Create(o.Name)).ToArray()),
        BooleanValue boolean => JsonValue.Create(boolean.Value),
        JudgementValue { Raised: true } judgement => new JsonObject
        {
            ["raised"] = true,
            ["raisedBy"] = judgement.RaisedBy,
            ["reason"] = judgement.Reason,
        },
        _ => null,
    };
}
