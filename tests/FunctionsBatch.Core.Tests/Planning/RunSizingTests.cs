using FunctionsBatch.Core.Planning;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Planning;

public sealed class RunSizingTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(2_000, 100)]
    [InlineData(100_000, 100)]
    [InlineData(100_001, 101)]
    [InlineData(1_000_000, 1_000)]
    [InlineData(10_000_000, 5_000)]
    [InlineData(long.MaxValue, 5_000)]
    public void ChunkSize_GrowsWithTheRunBetweenItsBounds(long records, int expected) =>
        Assert.Equal(expected, RunSizing.ChunkSize(records));

    [Theory]
    [InlineData(0, 200)]
    [InlineData(1_000, 200)]
    [InlineData(40_000, 200)]
    [InlineData(90_000, 300)]
    [InlineData(5_000_000, 1_000)]
    public void ChunksPerGroup_GrowsWithTheSquareRootOfTheChunkCount(int chunks, int expected) =>
        Assert.Equal(expected, RunSizing.ChunksPerGroup(chunks));

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    [InlineData(100_000_000)]
    public void DerivedSizes_KeepEveryHistoryUnderTheGroupCap(long records)
    {
        var chunkSize = RunSizing.ChunkSize(records);
        var chunks = (int)((records + chunkSize - 1) / chunkSize);
        var groups = ChunkGroupPlan.For(chunks, RunSizing.ChunksPerGroup(chunks));

        Assert.InRange(groups.ChunksPerGroup, 1, JobSpecDefaults.MaxChunksPerGroup);
        Assert.InRange(groups.GroupCount, 0, JobSpecDefaults.MaxChunksPerGroup);
    }
}
