using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Generation;

namespace FunctionsBatch.Simulator.Tests.Generation;

public sealed class TokenTruncatorTests
{
    private const string Text = "{\"category\":\"bug\",\"priority\":\"high\",\"summary\":\"Export produces an empty file with only the header row.\"}";

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(17)]
    public void Truncate_OverBudget_ReturnsLongestFittingPrefix(int maxTokens)
    {
        var result = TokenTruncator.Truncate(Text, maxTokens);

        Assert.StartsWith(result, Text, StringComparison.Ordinal);
        Assert.True(ChatTokenCounter.CountText(result) <= maxTokens);
        Assert.True(ChatTokenCounter.CountText(Text[..(result.Length + 1)]) > maxTokens);
    }

    [Fact]
    public void Truncate_WithinBudget_ReturnsTextUnchanged()
    {
        Assert.Same(Text, TokenTruncator.Truncate(Text, 500));
    }
}
