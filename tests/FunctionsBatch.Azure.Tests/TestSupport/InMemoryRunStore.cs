using System.Collections.Concurrent;
using System.Text.Json;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>One staged chunk, its result rows, its export parts and an empty ledger, in memory: what a chunk processor needs around the model.</summary>
public sealed class InMemoryRunStore(JobSpec spec, IReadOnlyList<JsonElement> chunk) : IRunStaging, IRunResultStore, IRecordLedger, IRunExporter
{
    private readonly ConcurrentDictionary<string, RecordResult> _rows = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, IReadOnlyList<RecordResult>> _exportParts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RecordResult> Rows => _rows.Values.ToArray();

    public IReadOnlyDictionary<string, IReadOnlyList<RecordResult>> ExportParts => _exportParts;

    public Task StageAsync(ExportPart part, IReadOnlyList<RecordResult> rows, CancellationToken cancellationToken)
    {
        _exportParts[part.Key] = rows;
        return Task.CompletedTask;
    }

    public Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only a chunk's parts are staged here");

    public Task<JobSpec> GetSpecAsync(string runId, CancellationToken cancellationToken) => Task.FromResult(spec);

    public Task<IReadOnlyList<JsonElement>> ReadChunkAsync(ChunkRef chunkRef, CancellationToken cancellationToken) => Task.FromResult(chunk);

    public Task<ChunkStart> BeginChunkAsync(ChunkRef chunkRef, CancellationToken cancellationToken) => Task.FromResult(ChunkStart.First);

    public Task<RunSource> WriteInputAsync(string runId, IReadOnlyList<JsonElement> records, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only one pre-staged chunk is held");

    public Task<string?> CheckSourceAsync(RunSource source, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<StagingResult> StageAsync(StageRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only one pre-staged chunk is held");

    public Task UpsertAsync(IReadOnlyList<RecordResult> results, CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            _rows[result.RecordId] = result;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordResult>> GetChunkAsync(string runId, int chunkIndex, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordResult>>(_rows.Values.Where(r => r.ChunkIndex == chunkIndex).ToArray());

    public Task<ResultPage> QueryAsync(string runId, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new ResultPage(_rows.Values.Where(r => status is null || r.Status == status).ToArray(), null));

    public Task<IReadOnlyDictionary<string, LedgerEntry>> FindManyAsync(string job, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, LedgerEntry>>(new Dictionary<string, LedgerEntry>());

    public Task SaveAsync(string job, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
