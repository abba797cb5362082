using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Fashen.Engine.Records;

namespace Fashen.Engine.Tests.Records;

/// <summary>The canonical form is what every record's hash is computed from, so it may never change: a record
/// written by any earlier version must still verify.</summary>
public sealed class CanonicalJsonTests
{
    // Keys and texts with what escaping could treat differently: Chinese, quotes, control characters, HTML, emoji.
    private static readonly string[] Texts = ["", "a", "B", "案号", "罚款 5 万元", "\"引号\"", "a\\b", "\n\t", "<b>&'", "\u0001", "😀", "z"];

    [Fact]
    public void Hash_OfAKnownEntry_IsWhatEarlierVersionsComputed()
    {
        // Computed by the version that first wrote records this way (sort by rebuilding the tree, then ToJsonString).
        var entry = new AuditEntry(
            42,
            new DateTimeOffset(2026, 3, 2, 9, 30, 15, 123, TimeSpan.FromHours(8)),
            "decision.classified",
            "R-20260302-0001",
            "scjg",
            new Actor(ActorKind.CaseSystem, "c1", "市场监管案件系统"),
            """{"caseId":"SCJG-2026-001","classification":"major","rules":["S01","S02"],"note":"含 \"引号\" 与 <b>"}""",
            "sha256:0000000000000000000000000000000000000000000000000000000000000000",
            "");

        Assert.Equal("sha256:5916ff256cac21aaaf239e5621ff0187431afbc151cddf9555e2bb2ed506c050", AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void Hash_OfRandomEntries_IsTheHashOfTheEntrysCanonicalTree()
    {
        var text = Gen.Int[0, Texts.Length - 1].Select(i => Texts[i]);
        var entries =
            from sequence in Gen.Long[1, long.MaxValue]
            from ticks in Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay]
            from offset in Gen.Int[-14, 14]
            from type in text
            from reviewId in text.Null()
            from department in text.Null()
            from kind in Gen.Enum<ActorKind>()
            from actorId in text
            from actorName in text
            from data in text
            from previous in text
            select new AuditEntry(
                sequence, new DateTimeOffset(ticks + TimeSpan.TicksPerDay / 2, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offset)),
                type, reviewId, department, new Actor(kind, actorId, actorName), data, previous, "");

        entries.Sample(entry => Assert.Equal(TreeHash(entry), AuditChain.ComputeHash(entry)), iter: 2_000);
    }

    [Fact]
    public void Serialize_RandomTrees_SortsMembersAndOtherwiseWritesWhatSystemTextJsonWrites()
    {
        Tree(3).Sample(
            node => Assert.Equal(Reference(node), CanonicalJson.Serialize(node)),
            iter: 5_000,
            print: node => node?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Serialize_IgnoresTheOrderMembersWereWrittenIn()
    {
        var one = new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["y"] = "案", ["x"] = null }, ["案"] = new JsonArray(2, "c") };
        var other = new JsonObject { ["案"] = new JsonArray(2, "c"), ["a"] = new JsonObject { ["x"] = null, ["y"] = "案" }, ["b"] = 1 };

        Assert.Equal("""{"a":{"x":null,"y":"案"},"b":1,"案":[2,"c"]}""", CanonicalJson.Serialize(one));
        Assert.Equal(CanonicalJson.Serialize(one), CanonicalJson.Serialize(other));
    }

    // An entry's hash as first computed: its fields as a tree, serialised canonically, hashed as text.
    private static string TreeHash(AuditEntry entry) => CanonicalJson.Hash(CanonicalJson.Serialize(new JsonObject
    {
        ["sequence"] = entry.Sequence,
        ["at"] = entry.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["type"] = entry.Type,
        ["reviewId"] = entry.ReviewId,
        ["department"] = entry.Department,
        ["actor"] = new JsonObject { ["kind"] = entry.Actor.Kind.ToString(), ["id"] = entry.Actor.Id, ["name"] = entry.Actor.Name },
        ["data"] = entry.Data,
        ["previousHash"] = entry.PreviousHash,
    }));

    // The canonical form as first defined: the tree rebuilt with members in ordinal order, then System.Text.Json.
    private static string Reference(JsonNode? node)
    {
        static JsonNode? Sorted(JsonNode? n) => n switch
        {
            JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
            null => null,
            _ => n.DeepClone(),
        };

        return Sorted(node)?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
    }

    private static Gen<JsonNode?> Tree(int depth)
    {
        var text = Gen.Int[0, Texts.Length - 1].Select(i => Texts[i]);
        var leaf = Gen.OneOf<JsonNode?>(
            Gen.Bool.Select(_ => (JsonNode?)null),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
            Gen.Decimal.Select(d => (JsonNode?)JsonValue.Create(d)),
            text.Select(t => (JsonNode?)JsonValue.Create(t)));
        if (depth == 0)
        {
            return leaf;
        }

        var child = Tree(depth - 1);
        var array = child.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
        var member = from key in text from value in child select (Key: key, Value: value);
        var obj = member.Array[0, 5].Select(members =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in members)
            {
                o[key] = value?.DeepClone();
            }

            return (JsonNode?)o;
        });
        return Gen.OneOf(leaf, array, obj);
    }
}
