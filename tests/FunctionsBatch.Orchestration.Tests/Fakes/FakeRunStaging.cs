using System.Collections.Concurrent;
using System.Text.Json;
using FunctionsBatch.Core.Planning;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>
/// In-memory staging: <see cref="StageAsync"/> plans chunks from <see cref="RecordCount"/>, and specs/chunks for the
/// chunk processor are whatever the test put in. Every call is recorded.
/// </summary>
public sealed class FakeRunStaging : IRunStaging
{
    private readonly ConcurrentQueue<StageRequest> _stageRequests = new();
    private readonly ConcurrentDictionary<string, JobSpec> _specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RunId, int ChunkIndex), IReadOnlyList<JsonElement>> _chunks = new();

    /// <summary>How many valid records staging finds.</summary>
    public int RecordCount { get; set; }

    /// <summary>How many input lines staging rejects.</summary>
    public int RejectedRecords { get; set; }

    /// <summary>Awaited before staging returns, so a test can hold the run in its staging phase.</summary>
    public Task BeforeStaged { get; set; } = Task.CompletedTask;

    /// <summary>What <see cref="BeginChunkAsync"/> says about earlier executions of a chunk.</summary>
    public ChunkStart ChunkStart { get; set; } = ChunkStart.Unknown;

    public IReadOnlyList<StageRequest> StageRequests => _stageRequests.ToArray();

    public Task<ChunkStart> BeginChunkAsync(ChunkRef chunk, CancellationToken cancellationToken) => Task.FromResult(ChunkStart);

    public void AddSpec(string runId, JobSpec spec) => _specs[runId] = spec;

    public void AddChunk(ChunkRef chunk, IReadOnlyList<JsonElement> records) => _chunks[(chunk.RunId, chunk.ChunkIndex)] = records;

    public Task<RunSource> WriteInputAsync(string runId, IReadOnlyList<JsonElement> records, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the orchestration tests start runs with an already staged source");

    public Task<string?> CheckSourceAsync(RunSource source, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<StagingResult> StageAsync(StageRequest request, CancellationToken cancellationToken)
    {
        _stageRequests.Enqueue(request);
        await BeforeStaged.ConfigureAwait(false);
        var plan = ChunkPlan.For(RecordCount, request.Spec.ChunkSize ?? RunSizing.ChunkSize(RecordCount));
        return new StagingResult(RecordCount, plan.ChunkSize, plan.ChunkCount, RejectedRecords);
    }

    public Task<JobSpec> GetSpecAsync(string runId, CancellationToken cancellationToken) =>
        _specs.TryGetValue(runId, out var spec)
            ? Task.FromResult(spec)
            : throw new InvalidOperationException($"no spec staged for run {runId}");

    public Task<IReadOnlyList<JsonElement>> ReadChunkAsync(ChunkRef chunk, CancellationToken cancellationToken) =>
        _chunks.TryGetValue((chunk.RunId, chunk.ChunkIndex), out var records)
            ? Task.FromResult(records)
            : throw new InvalidOperationException($"no chunk {chunk.ChunkIndex} staged for run {chunk.RunId}");
}
