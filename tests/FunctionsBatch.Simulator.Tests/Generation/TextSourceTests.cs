using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Generation;

namespace FunctionsBatch.Simulator.Tests.Generation;

public sealed class TextSourceTests
{
    [Theory]
    [InlineData("A billing question about a bug", 0)]
    [InlineData("This bug affects billing", 1)]
    [InlineData("We would like a feature request logged", 2)]
    [InlineData("Our ACCOUNT-ACCESS is broken", 3)]
    [InlineData("Several bugs and debugging billings", -1)]
    public void FindMentioned_UserText_ReturnsEarliestWholeWordMatch(string user, int expected)
    {
        var text = new TextSource([new ChatMessageText("system", "billing bug feature_request"), new ChatMessageText("user", user)]);

        Assert.Equal(expected, text.FindMentioned(["billing", "bug", "feature_request", "account_access"]));
    }

    [Fact]
    public void Sentence_NoWords_FallsBackToFixedText()
    {
        var text = new TextSource([new ChatMessageText("user", "!!! ???")]);

        Assert.Equal("This is a simulated response.", text.Sentence(new DeterministicRandom(1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public void Sentence_MaxLength_NeverExceeded(int maxLength)
    {
        var text = new TextSource([new ChatMessageText("user", "Extraordinarily long words everywhere throughout this message")]);

        Assert.True(text.Sentence(new DeterministicRandom(5), maxLength: maxLength).Length <= maxLength);
    }
}
