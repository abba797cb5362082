using Fashen.Catalogue.Schema;
using Fashen.Engine.Facts;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Schema;

public class FactSchemaLoaderTests
{
    private static FactSchema Sample() =>
        FactSchemaLoader.Load(new SourceText("facts.yaml", File.ReadAllText(Repository.Samples("facts.yaml")))).Value!;

    [Fact]
    public void Load_Sample_ResolvesKeysLabelsAndAliases()
    {
        var schema = Sample();

        Assert.True(schema.TryGetFact("fine_amount", out var byKey));
        Assert.True(schema.TryGetFact("罚款金额", out var byLabel));
        Assert.True(schema.TryGetFact("罚款数额", out var byAlias));
        Assert.Same(byKey, byLabel);
        Assert.Same(byKey, byAlias);
        Assert.Equal(schema.Facts.Select((_, i) => i), schema.Facts.Select(f => f.Slot));
    }

    [Fact]
    public void Load_Sample_ValueAliasesAndGroupsResolve()
    {
        Assert.True(Sample().TryGetFact("当事人类型", out var party));

        Assert.True(party.TryGetValue("公民", out var citizen));
        Assert.Equal("自然人", citizen.Name);
        Assert.True(party.TryGetGroup("单位", out var units));
        Assert.Equal(["法人", "非法人组织"], units.Select(u => u.Name));
    }

    [Fact]
    public void Load_OrdinalValues_KeepTheirOrderAsRank()
    {
        Assert.True(Sample().TryGetFact("执法层级", out var level));
        Assert.True(level.TryGetValue("街道", out var town));
        Assert.True(level.TryGetValue("市", out var city));

        Assert.True(town.Code < city.Code);
    }

    [Fact]
    public void Suggest_MisspeltLabel_FindsFact()
    {
        Assert.Equal("fine_amount", Sample().Suggest("罚款金颔")?.Key);
        Assert.Null(Sample().Suggest("完全无关的名称"));
    }
}
