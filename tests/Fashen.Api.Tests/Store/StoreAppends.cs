using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Tests.Store;

/// <summary>What the store tests append: a record entry and a review's index entry, at one fixed time.</summary>
internal static class StoreAppends
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static PendingEntry Entry(string text) =>
        new("test.entry", null, null, Actor.System, CanonicalJson.Serialize(System.Text.Json.Nodes.JsonValue.Create(text)));

    public static ReviewIndexEntry Index(string id, string caseId, string department = "scjg") =>
        new(id, department, caseId, "penalty", ReviewState.Accepted, true, null, 1, At, At, null, "sha256:0", "题", false, false);
}
