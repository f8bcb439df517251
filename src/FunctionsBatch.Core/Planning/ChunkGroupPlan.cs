namespace FunctionsBatch.Core.Planning;

/// <summary>
/// Splits a run's chunks into groups, each run by its own sub-orchestration, so no orchestration's history
/// holds more than <see cref="ChunksPerGroup"/> chunk activities however large the run.
/// </summary>
public sealed record ChunkGroupPlan(int ChunkCount, int ChunksPerGroup)
{
    public int GroupCount => ChunkCount == 0 ? 0 : ((ChunkCount - 1) / ChunksPerGroup) + 1;

    /// <summary>Small runs need no groups: the run's own orchestration dispatches the chunks.</summary>
    public bool NeedsGroups => ChunkCount > ChunksPerGroup;

    public int FirstChunkOf(int group) => group * ChunksPerGroup;

    public int EndChunkOf(int group) => Math.Min(ChunkCount, (group + 1) * ChunksPerGroup);

    public static ChunkGroupPlan For(int chunkCount, int chunksPerGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksPerGroup, 1);
        return new ChunkGroupPlan(chunkCount, chunksPerGroup);
    }
}
