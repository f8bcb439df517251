using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionsBatch.Core.Planning;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Keeps each run's input in the <c>runs</c> container: <c>{run}/input.jsonl</c> (from HTTP),
/// <c>{run}/spec.json</c>, and <c>{run}/chunks/{index}.jsonl</c>. Staging streams the source line by line
/// (<see cref="RunSourceReader"/>),
/// so a large input never sits in memory whole, and it overwrites on a re-run, so it is idempotent.
/// </summary>
public sealed class BlobRunStaging(StorageClients storage, IRunResultStore results, RunSourceReader sources) : IRunStaging
{
    /// <summary>Rejected rows are written a bounded number at a time (a poisoned queue can reject many).</summary>
    private const int RejectedRowsPerWrite = 500;

    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, JobSpec> _specs = new(StringComparer.Ordinal);

    public async Task<RunSource> WriteInputAsync(string runId, IReadOnlyList<JsonElement> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var container = await storage.RunsAsync().ConfigureAwait(false);
        var name = $"{runId}/input.jsonl";
        // The records are in memory already (a bounded request body); one upload beats a block per flush.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            foreach (var record in records)
            {
                record.WriteTo(writer);
                writer.Flush();
                writer.Reset();
                buffer.WriteByte((byte)'\n');
            }
        }

        await UploadAsync(container, name, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        return new RunSource(RunSourceKinds.StagedBlob, name);
    }

    public async Task<StagingResult> StageAsync(StageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var container = await storage.RunsAsync().ConfigureAwait(false);
        await UploadAsync(container, SpecBlob(request.RunId), JsonSerializer.SerializeToUtf8Bytes(request.Spec, SpecJson), cancellationToken).ConfigureAwait(false);
        _specs[request.RunId] = request.Spec;

        var chunkSize = request.Spec.ChunkSize
                        ?? RunSizing.ChunkSize(await sources.EstimateRecordsAsync(request.Source, cancellationToken).ConfigureAwait(false));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<RecordResult>();
        var chunk = new MemoryStream();
        var inChunk = 0;
        var accepted = 0;
        var chunkIndex = 0;

        await foreach (var line in sources.ReadAsync(request.RunId, request.Source, cancellationToken).ConfigureAwait(false))
        {
            if (line.Rejection is { } rejection || (rejection = CheckLine(line.Text!, seen)) is not null)
            {
                rejected.Add(Rejected(request.RunId, line, rejection));
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(line.Text!.Trim());
            chunk.Write(bytes);
            chunk.WriteByte((byte)'\n');
            accepted++;
            if (++inChunk == chunkSize)
            {
                await UploadAsync(container, ChunkBlob(request.RunId, chunkIndex++), chunk.ToArray(), cancellationToken).ConfigureAwait(false);
                chunk.SetLength(0);
                inChunk = 0;
            }
        }

        if (inChunk > 0)
        {
            await UploadAsync(container, ChunkBlob(request.RunId, chunkIndex), chunk.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < rejected.Count; i += RejectedRowsPerWrite)
        {
            await results.UpsertAsync(rejected.Skip(i).Take(RejectedRowsPerWrite).ToArray(), cancellationToken).ConfigureAwait(false);
        }

        if (rejected.Count > 0)
        {
            await ExportBlocks.StageAsync(await storage.ExportsAsync().ConfigureAwait(false), ExportPart.RejectedLines(request.Spec.Name, request.RunId), rejected, cancellationToken)
                .ConfigureAwait(false);
        }

        var plan = ChunkPlan.For(accepted, chunkSize);
        return new StagingResult(accepted, chunkSize, plan.ChunkCount, rejected.Count);
    }

    public async Task<JobSpec> GetSpecAsync(string runId, CancellationToken cancellationToken)
    {
        if (_specs.TryGetValue(runId, out var cached))
        {
            return cached;
        }

        var container = await storage.RunsAsync().ConfigureAwait(false);
        var content = await container.GetBlobClient(SpecBlob(runId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var spec = content.Value.Content.ToObjectFromJson<JobSpec>(SpecJson)
                   ?? throw new InvalidOperationException($"The staged spec of run '{runId}' is empty.");
        return _specs.GetOrAdd(runId, spec);
    }

    public async Task<IReadOnlyList<JsonElement>> ReadChunkAsync(ChunkRef chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var container = await storage.RunsAsync().ConfigureAwait(false);
        var content = await container.GetBlobClient(ChunkBlob(chunk.RunId, chunk.ChunkIndex)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<JsonElement>();
        foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            records.Add(document.RootElement.Clone());
        }

        return records;
    }

    /// <summary>Creates the chunk's <c>.started</c> marker blob only if it does not exist yet.</summary>
    public async Task<ChunkStart> BeginChunkAsync(ChunkRef chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var container = await storage.RunsAsync().ConfigureAwait(false);
        try
        {
            await container.GetBlobClient(StartedBlob(chunk))
                .UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                .ConfigureAwait(false);
            return ChunkStart.First;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return ChunkStart.Again;
        }
    }

    public Task<string?> CheckSourceAsync(RunSource source, CancellationToken cancellationToken) =>
        sources.CheckAsync(source, cancellationToken);

    private static string? CheckLine(string line, HashSet<string> seen)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return $"the line is not valid JSON: {ex.Message}";
        }

        using (document)
        {
            if (RecordValidator.CheckId(document.RootElement) is { } problem)
            {
                return document.RootElement.ValueKind == JsonValueKind.Object ? $"id {problem}" : problem;
            }

            if (JsonTextCheck.FindInvalid(document.RootElement, "$") is { } where)
            {
                return $"{where} {JsonTextCheck.Problem}; the record was not sent to the model";
            }

            var id = document.RootElement.GetProperty("id").GetString()!;
            return seen.Add(id) ? null : $"id \"{id}\" appears more than once; only its first line is processed";
        }
    }

    private static RecordResult Rejected(string runId, SourceLine line, string problem) =>
        new(runId, line.RowKey, -1, RecordStatus.Skipped, null, TokenUsage.Zero, 0, 0, null, line.RejectionCode ?? "invalid_record", line.Where is null ? problem : $"{line.Where}: {problem}");

    private static async Task UploadAsync(BlobContainerClient container, string name, byte[] content, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(name)
            .UploadAsync(new BinaryData(content), new BlobUploadOptions(), cancellationToken)
            .ConfigureAwait(false);
    }

    private static string SpecBlob(string runId) => $"{runId}/spec.json";

    private static string ChunkBlob(string runId, int index) => $"{runId}/chunks/{index:D6}.jsonl";

    private static string StartedBlob(ChunkRef chunk) =>
        chunk.Send == 0 ? $"{chunk.RunId}/chunks/{chunk.ChunkIndex:D6}.started" : $"{chunk.RunId}/chunks/{chunk.ChunkIndex:D6}.{chunk.Send}.started";
}
