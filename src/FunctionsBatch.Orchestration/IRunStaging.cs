using System.Text.Json;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration;

/// <summary>Where a run's input, spec and chunks are kept, outside the orchestration history.</summary>
public interface IRunStaging
{
    /// <summary>Writes validated request records as the run's raw input; returns the source to stage from.</summary>
    Task<RunSource> WriteInputAsync(string runId, IReadOnlyList<JsonElement> records, CancellationToken cancellationToken);

    /// <summary>Why a file or blob source cannot be read, or null when it can; checked before a run starts.</summary>
    Task<string?> CheckSourceAsync(RunSource source, CancellationToken cancellationToken);

    Task<StagingResult> StageAsync(StageRequest request, CancellationToken cancellationToken);

    Task<JobSpec> GetSpecAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonElement>> ReadChunkAsync(ChunkRef chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Records that an execution of this send of the chunk (<see cref="ChunkRef.Send"/>) has begun. <see cref="ChunkStart.First"/>
    /// for the first execution to begin it: on the chunk's first send no result row can exist yet, so the processor
    /// need not look for rows to reuse (a query that scans the run's whole partition). <see cref="ChunkStart.Again"/>
    /// when an earlier execution of the same send began it.
    /// </summary>
    Task<ChunkStart> BeginChunkAsync(ChunkRef chunk, CancellationToken cancellationToken) => Task.FromResult(ChunkStart.Unknown);
}
