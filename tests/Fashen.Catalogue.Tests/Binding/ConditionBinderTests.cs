using Fashen.Catalogue.Binding;
using Fashen.Catalogue.Schema;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Binding;

public class ConditionBinderTests
{
    private static readonly FactSchema Schema =
        FactSchemaLoader.Load(new SourceText("facts.yaml", File.ReadAllText(Repository.Samples("facts.yaml")))).Value!;

    private static readonly Dictionary<string, NamedThreshold> Thresholds = new()
    {
        ["个人罚款"] = new NamedThreshold("个人罚款", 20000, true, "2万元", SourceSpan.FileOnly("t")),
        ["人数档"] = new NamedThreshold("人数档", 30, false, "30", SourceSpan.FileOnly("t")),
    };

    private static Result<Condition> Bind(string text)
    {
        var fragment = SourceFragment.Standalone("t", text);
        var parsed = ConditionParser.Parse(fragment);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
        return ConditionBinder.Bind(parsed.Syntax!, fragment, Schema, Thresholds);
    }

    [Theory]
    [InlineData("罚款金额 >= 5万元")]
    [InlineData("fine_amount >= 个人罚款")]
    [InlineData("拟罚款金额 个人罚款 以上")]
    [InlineData("涉及人数 >= 人数档")]
    [InlineData("涉及人数 30 以上")]
    [InlineData("当事人类型 in [公民, 单位]")]
    [InlineData("当事人类型 == 法人")]
    [InlineData("执法层级 县 以上")]
    [InlineData("影响程度 超过 较大")]
    [InlineData("处罚种类 any of [吊销类, 罚款]")]
    [InlineData("处罚种类 包含 罚款")]
    [InlineData("已听证 且 非 疑难复杂")]
    [InlineData("听证 == 否")]
    [InlineData("罚款金额 介于 1万元 至 2万元")]
    [InlineData("罚款金额 2万元以上（含2万元）")]
    [InlineData("罚款金额 个人罚款 以上（含2万元）")]
    [InlineData("一律")]
    [InlineData("罚款金额 20万元以上不满50万元")]
    [InlineData("罚款金额 没收金额的3倍以上")]
    [InlineData("罚款金额 + 没收金额 个人罚款 以上")]
    public void Bind_WellTypedCondition_Succeeds(string text) => Assert.True(Bind(text).Succeeded);

    [Theory]
    [InlineData("罚款金颔 >= 5万元", "FS3002", "是否想写“罚款金额”（fine_amount）？")]
    [InlineData("经过听证程序", "FS3002", "是否想写“已听证”（hearing_held）？")]
    [InlineData("非疑难复杂", "FS3002", "如果本意是“非 疑难复杂”")]
    [InlineData("个人罚款 >= 1", "FS3002", "是本目录定义的阈值，不是事实")]
    [InlineData("当事人类型 == 企业法人", "FS3003", "可用的取值：自然人、个体工商户、法人、非法人组织")]
    [InlineData("当事人类型 in [法仁]", "FS3003", "是否想写“法人”？")]
    [InlineData("执法事项 == 不存在的事项", "FS3003", "可以在本目录的 values 中补充")]
    [InlineData("当事人类型 > 3", "FS3004", "枚举类事实可以这样写")]
    [InlineData("罚款金额", "FS3004", "单独写事实名称")]
    [InlineData("处罚种类 == 罚款", "FS3004", "any of")]
    [InlineData("处罚种类 in [罚款]", "FS3004", "包含任一")]
    [InlineData("当事人类型 any of [法人]", "FS3004", "包含任一（any of）")]
    [InlineData("疑难复杂 == 是", "FS3004", "判断标记类事实")]
    [InlineData("罚款金额 >= 单位罚款", "FS3005", "本目录定义的阈值：个人罚款、人数档")]
    [InlineData("罚款金额 >= 没收金额", "FS3005", "与另一事实比较时写它的倍数")]
    [InlineData("罚款金额 + 涉及人数 >= 5万元", "FS3046", "只有同为金额")]
    [InlineData("罚款金额 + 没收金额 >= 查补税款 * 3", "FS3047", "请拆成两个比较")]
    [InlineData("当事人类型 + 罚款金额 >= 5万元", "FS3046", "不能与当事人类型")]
    [InlineData("罚款金额 >= \"5万元\"", "FS3006", "数额（如 5万元）或阈值名称")]
    [InlineData("当事人类型 == 5", "FS3006", "以下取值之一")]
    [InlineData("听证 == 法人", "FS3006", "是 或 否")]
    [InlineData("罚款金额 介于 5万元 至 1万元", "FS3010", "下限 50,000 元 大于上限 10,000 元")]
    [InlineData("罚款金额 1万元以上（含2万元）", "FS3011", "20,000 元 与阈值 10,000 元")]
    [InlineData("涉及人数 >= 3万", "FS3012", "不能带“元”“万元”等单位")]
    [InlineData("涉及人数 >= 个人罚款", "FS3012", "不能带")]
    [InlineData("罚款金额 >= 0.001", "FS3013", "精确到分以下")]
    [InlineData("当事人类型 == 单位", "FS3015", "请改写为“当事人类型 in [单位]”")]
    public void Bind_Mistake_ReportsCodeAndFix(string text, string code, string fragment)
    {
        var result = Bind(text);

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SeveralMistakes_ReportsAll()
    {
        var result = Bind("罚款金颔 >= 1 且 当事人类型 == 企业 或 处罚种类 == 罚款");
        Assert.Equal(["FS3002", "FS3003", "FS3004"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Bind_Groups_ExpandToMembersWithoutDuplicates()
    {
        var condition = (ValueMembership)Bind("当事人类型 in [单位, 法人]").Value!;
        Assert.Equal(["法人", "非法人组织"], condition.Values.Select(v => v.Name));
        Assert.Equal("单位、法人", condition.Written);
    }

    [Fact]
    public void Bind_BooleanEqualsNo_BecomesNegatedFlag()
    {
        Assert.IsType<NotCondition>(Bind("听证 == 否").Value);
        Assert.IsType<FlagCondition>(Bind("听证 != 否").Value);
    }

    [Fact]
    public void Bind_ChineseDraftingWords_FollowCivilCodeArticle1259()
    {
        static ComparisonOperator Op(Result<Condition> r) => ((AmountComparison)r.Value!).Operator;

        Assert.Equal(ComparisonOperator.GreaterOrEqual, Op(Bind("罚款金额 1万元以上")));
        Assert.Equal(ComparisonOperator.Greater, Op(Bind("罚款金额 超过 1万元")));
        Assert.Equal(ComparisonOperator.LessOrEqual, Op(Bind("罚款金额 1万元以下")));
        Assert.Equal(ComparisonOperator.LessOrEqual, Op(Bind("罚款金额 1万元以内")));
        Assert.Equal(ComparisonOperator.Less, Op(Bind("罚款金额 不满 1万元")));
        Assert.Equal(ComparisonOperator.Greater, Op(Bind("罚款金额 1万元以上（不含本数）")));
    }
}
