using Fashen.Engine.Facts;

namespace Fashen.Engine.Tests.Facts;

/// <summary>"Did you mean …?" for names written a little differently from a known one: a character off, characters dropped
/// (吊销执照), or words added (经过听证程序).</summary>
public sealed class NameSuggestionsTests
{
    private static readonly string[] Known = ["经过听证", "罚款金额", "吊销营业执照", "当事人类型", "疑难复杂"];

    [Theory]
    [InlineData("罚款金颔", "罚款金额")]
    [InlineData("吊销执照", "吊销营业执照")]
    [InlineData("经过听证程序", "经过听证")]
    [InlineData("已经过听证", "经过听证")]
    [InlineData("案情疑难复杂", "疑难复杂")]
    public void ANameNearAKnownOne_IsSuggested(string name, string expected) => Assert.Equal(expected, NameSuggestions.Closest(name, Known));

    [Theory]
    [InlineData("违法所得")]
    [InlineData("经过听证程序之后的决定")]
    public void ANameFarFromEveryKnownOne_GetsNoSuggestion(string name) => Assert.Null(NameSuggestions.Closest(name, Known));
}
