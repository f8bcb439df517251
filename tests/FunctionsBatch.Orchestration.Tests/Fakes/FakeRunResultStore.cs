using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>In-memory result rows keyed by (run, record); each upsert batch is recorded as it came.</summary>
public sealed class FakeRunResultStore : IRunResultStore
{
    private readonly ConcurrentQueue<IReadOnlyList<RecordResult>> _batches = new();
    private readonly ConcurrentDictionary<(string RunId, string RecordId), RecordResult> _rows = new();

    public IReadOnlyList<IReadOnlyList<RecordResult>> Batches => _batches.ToArray();

    public IReadOnlyDictionary<(string RunId, string RecordId), RecordResult> Rows => _rows;

    public RecordResult Row(string runId, string recordId) => _rows[(runId, recordId)];

    public Task UpsertAsync(IReadOnlyList<RecordResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        _batches.Enqueue(results.ToArray());
        foreach (var result in results)
        {
            _rows[(result.RunId, result.RecordId)] = result;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordResult>> GetChunkAsync(string runId, int chunkIndex, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordResult>>(
            _rows.Values.Where(r => r.RunId == runId && r.ChunkIndex == chunkIndex).ToArray());

    public Task<ResultPage> QueryAsync(string runId, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the chunk processor only writes results");
}
