using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

public interface IChunkProcessor
{
    Task<ChunkSummary> ProcessAsync(ChunkRef chunk, CancellationToken cancellationToken);
}
