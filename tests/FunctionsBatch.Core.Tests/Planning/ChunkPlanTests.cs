using FunctionsBatch.Core.Planning;

namespace FunctionsBatch.Core.Tests.Planning;

public sealed class ChunkPlanTests
{
    [Theory]
    [InlineData(0, 100, new int[0])]
    [InlineData(1, 100, new[] { 1 })]
    [InlineData(100, 100, new[] { 100 })]
    [InlineData(300, 100, new[] { 100, 100, 100 })]
    [InlineData(301, 100, new[] { 100, 100, 100, 1 })]
    [InlineData(95, 10, new[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 5 })]
    [InlineData(3, 1, new[] { 1, 1, 1 })]
    [InlineData(7, 5000, new[] { 7 })]
    public void SizeOf_EachChunk_SplitsRecordsIntoFullChunksAndOneRemainder(int records, int chunkSize, int[] sizes)
    {
        var plan = ChunkPlan.For(records, chunkSize);

        Assert.Equal(sizes.Length, plan.ChunkCount);
        Assert.Equal(sizes, Enumerable.Range(0, plan.ChunkCount).Select(plan.SizeOf));
        Assert.Equal(sizes.Select((_, i) => sizes.Take(i).Sum()), Enumerable.Range(0, plan.ChunkCount).Select(plan.FirstRecordOf));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(250, 2)]
    [InlineData(300, 3)]
    public void ChunkOf_RecordIndex_IsTheChunkWhoseRangeHoldsIt(int recordIndex, int chunk)
    {
        var plan = ChunkPlan.For(301, 100);

        Assert.Equal(chunk, plan.ChunkOf(recordIndex));
        Assert.InRange(recordIndex, plan.FirstRecordOf(chunk), plan.FirstRecordOf(chunk) + plan.SizeOf(chunk) - 1);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void SizeOf_ChunkOutsideThePlan_Throws(int chunkIndex)
    {
        var plan = ChunkPlan.For(301, 100);

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.SizeOf(chunkIndex));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, 0)]
    public void For_NegativeCountOrEmptyChunks_Throws(int records, int chunkSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlan.For(records, chunkSize));
    }
}
