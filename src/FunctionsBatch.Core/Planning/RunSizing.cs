using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Planning;

/// <summary>
/// Chunk and group sizes for a spec that leaves them out, derived from the run's size. Chunks grow with the run
/// so a large run has about <see cref="TargetChunks"/> of them (each chunk costs an activity, a staged blob and a
/// few history events, whatever its size); groups grow with the square root of the chunk count, so the run's own
/// history (one entry per group) and each group's (one per chunk) stay about as small as each other.
/// </summary>
public static class RunSizing
{
    public const int TargetChunks = 1_000;
    public const int MinChunkSize = 100;
    public const int MinChunksPerGroup = 200;

    /// <param name="estimatedRecords">What the source is expected to hold; an estimate only changes how big the chunks are.</param>
    public static int ChunkSize(long estimatedRecords)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedRecords);
        var size = (estimatedRecords / TargetChunks) + (estimatedRecords % TargetChunks == 0 ? 0 : 1);
        return (int)Math.Clamp(size, MinChunkSize, JobSpecDefaults.MaxChunkSize);
    }

    public static int ChunksPerGroup(int chunkCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        return Math.Clamp((int)Math.Ceiling(Math.Sqrt(chunkCount)), MinChunksPerGroup, JobSpecDefaults.MaxChunksPerGroup);
    }
}
