using FunctionsBatch.Core.Planning;

namespace FunctionsBatch.Core.Tests.Planning;

public sealed class ChunkGroupPlanTests
{
    [Theory]
    [InlineData(0, 200, 0, false)]
    [InlineData(200, 200, 1, false)]
    [InlineData(201, 200, 2, true)]
    [InlineData(10_000, 200, 50, true)]
    public void For_ChunkCount_GroupsCoverEveryChunkOnceAndNoneExceedsTheBound(int chunks, int perGroup, int groups, bool needsGroups)
    {
        var plan = ChunkGroupPlan.For(chunks, perGroup);

        Assert.Equal((groups, needsGroups), (plan.GroupCount, plan.NeedsGroups));
        var covered = Enumerable.Range(0, plan.GroupCount).SelectMany(g => Enumerable.Range(plan.FirstChunkOf(g), plan.EndChunkOf(g) - plan.FirstChunkOf(g))).ToArray();
        Assert.Equal(Enumerable.Range(0, chunks), covered);
        Assert.All(Enumerable.Range(0, plan.GroupCount), g => Assert.InRange(plan.EndChunkOf(g) - plan.FirstChunkOf(g), 1, perGroup));
    }
}
