using Fashen.Engine.Decisions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Tests.Decisions;

public class DecisionBinderTests
{
    private static IReadOnlyList<string> Codes(string factsJson, string action = "行政处罚", string procedure = "一般程序")
    {
        var json = $$"""{ "caseId": "c", "department": "scjg", "action": "{{action}}", "procedure": "{{procedure}}", "facts": {{factsJson}} }""";
        var raw = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!;
        return DecisionBinder.Bind(raw, Samples.Catalogue("scjg").Schema).Diagnostics.Select(d => d.Code).ToList();
    }

    [Theory]
    [InlineData("""{ "罚款金颔": 1 }""", "FS4001")]
    [InlineData("""{ "fine_amount": "五万多元" }""", "FS4002")]
    [InlineData("""{ "fine_amount": -1 }""", "FS4002")]
    [InlineData("""{ "fine_amount": true }""", "FS4002")]
    [InlineData("""{ "affected_people": "3万" }""", "FS4002")]
    [InlineData("""{ "party_type": "公司" }""", "FS4003")]
    [InlineData("""{ "penalty_kinds": ["罚款", "吊销执照"] }""", "FS4003")]
    [InlineData("""{ "complexity": true }""", "FS4004")]
    [InlineData("""{ "complexity": { "raisedBy": "张三" } }""", "FS4004")]
    [InlineData("""{ "complexity": { "raisedBy": " ", "reason": "理由" } }""", "FS4004")]
    [InlineData("""{ "fine_amount": 1, "罚款金额": 2 }""", "FS4010")]
    [InlineData("""{ "fine_amount": 0.001 }""", "FS4012")]
    public void Bind_BadFact_ReportsCode(string facts, string code) => Assert.Equal([code], Codes(facts));

    [Fact]
    public void Bind_SeveralMistakes_ReportsAllAtOnce() =>
        Assert.Equal(["FS4007", "FS4008", "FS4001", "FS4003"], Codes("""{ "x": 1, "party_type": "公司" }""", action: "行政处分", procedure: "特别程序"));

    [Fact]
    public void Bind_AmountsWithUnits_AreExactYuan()
    {
        var json = """{ "caseId": "c", "department": "scjg", "action": "penalty", "procedure": "general", "facts": { "罚款金额": "0.5万元", "没收金额": 1234.50 } }""";
        var decision = DecisionBinder.Bind(DecisionJsonReader.Read(new SourceText("d.json", json)).Value!, Samples.Catalogue("scjg").Schema).Value!;

        Assert.True(decision.Schema.TryGetFact("fine_amount", out var fine));
        Assert.True(decision.Schema.TryGetFact("confiscation_amount", out var confiscation));
        Assert.Equal(new AmountValue(5000m), decision.Get(fine));
        Assert.Equal("1234.5", ((AmountValue)decision.Get(confiscation)!).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Engine.Catalogues.ActionKind.Penalty, decision.Action);
    }

    [Fact]
    public void Bind_AmountsInChineseNumerals_ReadAsConditionsReadThem()
    {
        var json = """{ "caseId": "c", "department": "scjg", "action": "penalty", "procedure": "general", "facts": { "罚款金额": "五万元", "没收金额": "一万五千元" } }""";
        var decision = DecisionBinder.Bind(DecisionJsonReader.Read(new SourceText("d.json", json)).Value!, Samples.Catalogue("scjg").Schema).Value!;

        Assert.True(decision.Schema.TryGetFact("fine_amount", out var fine));
        Assert.True(decision.Schema.TryGetFact("confiscation_amount", out var confiscation));
        Assert.Equal(new AmountValue(50000m), decision.Get(fine));
        Assert.Equal(new AmountValue(15000m), decision.Get(confiscation));
    }

    [Fact]
    public void Bind_JudgementNotGiven_IsKnownToBeNotRaised()
    {
        var json = """{ "caseId": "c", "department": "scjg", "action": "行政处罚", "procedure": "一般程序", "facts": {} }""";
        var decision = DecisionBinder.Bind(DecisionJsonReader.Read(new SourceText("d.json", json)).Value!, Samples.Catalogue("scjg").Schema).Value!;

        Assert.True(decision.Schema.TryGetFact("疑难复杂", out var complexity));
        Assert.True(decision.Schema.TryGetFact("罚款金额", out var fine));
        Assert.Equal(new JudgementValue(false, null, null), decision.Get(complexity));
        Assert.True(decision.Vector.Present[complexity.Slot]);
        Assert.Null(decision.Get(fine));
        Assert.False(decision.Vector.Present[fine.Slot]);
    }
}
