using FunctionsBatch.Core.Batch;

namespace FunctionsBatch.Core.Tests.Batch;

public sealed class BatchCustomIdTests
{
    [Theory]
    [InlineData(0, 0, "c0-r0")]
    [InlineData(12, 4999, "c12-r4999")]
    public void Format_ThenParse_RoundTrips(int chunk, int line, string expected)
    {
        var id = BatchCustomId.Format(chunk, line);

        Assert.Equal(expected, id);
        Assert.True(BatchCustomId.TryParse(id, chunk, out var parsed));
        Assert.Equal(line, parsed);
    }

    [Theory]
    [InlineData("c3-r7", 4)]
    [InlineData("c1-r7", 13)]
    [InlineData("c13-r", 13)]
    [InlineData("c13-r07", 13)]
    [InlineData("c13-r-1", 13)]
    [InlineData("c13-r1x", 13)]
    [InlineData("T-000001", 13)]
    [InlineData(null, 13)]
    public void TryParse_IdOfAnotherChunkOrMalformed_IsFalse(string? id, int chunk)
    {
        Assert.False(BatchCustomId.TryParse(id, chunk, out _));
    }

    [Fact]
    public void Format_NegativeIndex_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchCustomId.Format(0, -1));
    }
}
