using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

public interface IChunkProcessor
{
    Task<ChunkSummary> ProcessAsync(ChunkRef chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Processes only <paramref name="only"/> of the chunk's records online (a batch's leftovers), or all of them when
    /// null; <paramref name="round"/> is the batch round they come from, which names their part of the export.
    /// </summary>
    Task<ChunkSummary> ProcessAsync(ChunkRef chunk, IReadOnlySet<string>? only, int round, CancellationToken cancellationToken);
}
