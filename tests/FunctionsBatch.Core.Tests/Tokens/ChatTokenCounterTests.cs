using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Tests.Tokens;

public sealed class ChatTokenCounterTests
{
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void CountText_NoText_IsZero(string? text)
    {
        Assert.Equal(0, ChatTokenCounter.CountText(text));
    }

    [Fact]
    public void CountText_HelloWorld_IsTwoO200kTokens()
    {
        // o200k_base splits "hello world" into "hello" and " world".
        Assert.Equal(2, ChatTokenCounter.CountText("hello world"));
    }

    [Theory]
    [InlineData("Cannot sign in since the update; error AUTH-401 on every attempt.")]
    [InlineData("Rechnung über 1.234,56 € doppelt abgebucht")]
    [InlineData("払い戻しをお願いします")]
    public void CountText_Text_IsPositiveAndTheSameEveryTime(string text)
    {
        var first = ChatTokenCounter.CountText(text);

        Assert.InRange(first, 1, text.Length);
        Assert.Equal(first, ChatTokenCounter.CountText(new string(text.AsSpan())));
    }

    [Fact]
    public void CountPromptTokens_TwoMessages_IsTheirPartsPlusThreePerMessagePlusThree()
    {
        var system = new ChatMessageText("system", "You classify support tickets.");
        var user = new ChatMessageText("user", "Subject: Refund\nI was charged twice for invoice 4411.");
        var parts = new[] { system, user }.Sum(m => ChatTokenCounter.CountText(m.Role) + ChatTokenCounter.CountText(m.Content));

        var tokens = ChatTokenCounter.CountPromptTokens([system, user]);

        Assert.Equal(parts + (3 * 2) + 3, tokens);
    }

    [Fact]
    public void CountPromptTokens_NoMessages_IsTheReplyPriming()
    {
        Assert.Equal(3, ChatTokenCounter.CountPromptTokens([]));
    }
}
