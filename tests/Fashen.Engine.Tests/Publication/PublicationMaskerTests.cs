using Fashen.Engine.Catalogues;
using Fashen.Engine.Publication;

namespace Fashen.Engine.Tests.Publication;

/// <summary>What is published of a decision: personal data masked by the department's rules — ID numbers (by their check
/// digit), phones, bank accounts, property certificates, addresses and financial details after their labels, a natural
/// person's name as the rule says — and nothing else: the fine, the illegal income and a company's name stay.</summary>
public sealed class PublicationMaskerTests
{
    private const string Conclusion =
        "当事人张三（身份证号码370321199003074519，住址：山东省淄博市桓台县索镇镇前诸村12号，联系电话13805331234、0533-8212345），" +
        "在其经营的超市销售过期食品，违法收入5万元。张三月收入3000元，名下有鲁(2024)桓台县不动产权第0012345号房产，" +
        "工商银行账号6222021602001234567。决定没收违法收入5万元，罚款6万元。";

    [Fact]
    public void EveryKindOfPersonalData_IsMasked_AndTheDecisionItselfIsNot()
    {
        var masked = PublicationMasker.Mask(Conclusion, MaskingRules.Default("scjg"), ["张三"]);

        foreach (var secret in new[] { "张三", "370321199003074519", "索镇镇前诸村12号", "13805331234", "0533-8212345", "3000元", "不动产权第0012345号", "6222021602001234567" })
        {
            Assert.DoesNotContain(secret, masked.Masked, StringComparison.Ordinal);
        }

        foreach (var kept in new[] { "张某某", "（身份证号码已隐去）", "（住址已隐去）", "（联系电话已隐去）", "（财产状况已隐去）", "（权属证书编号已隐去）", "（银行账号已隐去）",
            "违法收入5万元", "没收违法收入5万元，罚款6万元", "销售过期食品" })
        {
            Assert.Contains(kept, masked.Masked, StringComparison.Ordinal);
        }

        Assert.Equal(Conclusion, masked.Original);
        Assert.Contains(masked.Masks, m => m.Label == "身份证号码" && m.Text == "370321199003074519" && Conclusion.Substring(m.Start, m.Length) == m.Text);
    }

    [Fact]
    public void IdNumbers_AreFoundWhereverTheyStand_ByTheirCheckDigit()
    {
        var random = new Random(2026);
        for (var i = 0; i < 500; i++)
        {
            var id = RandomId(random);
            var text = $"{Filler(random)}{id}{Filler(random)}";
            var masked = PublicationMasker.Mask(text, MaskingRules.Default("scjg") with { Kinds = [MaskedKind.IdNumber] }, []);
            Assert.DoesNotContain(id, masked.Masked, StringComparison.Ordinal);
            Assert.Contains("（身份证号码已隐去）", masked.Masked, StringComparison.Ordinal);
        }

        // 18 digits whose check digit is wrong are not an ID number (a bank account rule may still take them).
        var notAnId = PublicationMasker.Mask("编号370321199003074510。", MaskingRules.Default("scjg") with { Kinds = [MaskedKind.IdNumber] }, []);
        Assert.Empty(notAnId.Masks);
    }

    [Theory]
    [InlineData("张三", PersonNameStyle.Surname, "张某某")]
    [InlineData("欧阳修文", PersonNameStyle.Surname, "欧阳某某")]
    [InlineData("张三", PersonNameStyle.Hidden, "当事人")]
    [InlineData("张三", PersonNameStyle.Full, "张三")]
    public void APersonsName_IsShownAsTheDepartmentSays(string name, PersonNameStyle style, string shown)
    {
        var masked = PublicationMasker.Mask($"{name}违反了规定，{name}已缴纳罚款。", MaskingRules.Default("scjg") with { PersonName = style }, [name]);

        Assert.Equal($"{shown}违反了规定，{shown}已缴纳罚款。", masked.Masked);
    }

    [Fact]
    public void ACompanysName_AndTermsTheDepartmentNames_AreHandledByTheRules()
    {
        var rules = MaskingRules.Default("scjg") with { Terms = ["举报人李四"] };

        var masked = PublicationMasker.Mask("桓台县某某食品有限公司经举报人李四举报被查处。", rules, []);

        Assert.Equal("桓台县某某食品有限公司经（依规定不公开的内容已隐去）举报被查处。", masked.Masked);
    }

    [Theory]
    [InlineData("行政处罚", "2026-09-30", "2026-10-15")]     // 国庆 and its 调休 Saturday: 8, 9, 10, 12 … 15 October
    [InlineData("行政许可", "2026-03-02", "2026-03-11")]
    [InlineData("行政检查", "2026-09-30", "2026-11-03")]  // 20 working days for the other kinds
    [InlineData("行政给付", "2026-09-30", "2026-11-03")]  // a kind a legal office added: the general 20 working days
    public void ThePublicationDeadline_CountsWorkingDaysFromTheDayAfter(string kindName, string decidedOn, string due)
    {
        var kind = ActionKinds.TryParse(kindName, out var known) ? known : new ActionKind(kindName, "benefit");
        var count = PublicationDeadline.Default.Due(kind, DateOnly.Parse(decidedOn, System.Globalization.CultureInfo.InvariantCulture), Samples.Workspace.Calendar!);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), count.LastDay);
    }

    private static string RandomId(Random random)
    {
        var body = $"{random.Next(110000, 659999)}{random.Next(1950, 2010)}{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(0, 1000):000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static string Filler(Random random)
    {
        string[] pieces = ["当事人", "，", "身份证号：", " ", "（", "）", "经查", "号码为", "。", ""];
        return string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
    }
}
