using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FunctionsBatch.Core.Intake;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Builds <c>exports/{job}/{run}.jsonl</c> out of blocks (see <see cref="ExportBlocks"/>): each chunk step stages
/// its rows as one uncommitted block of the export blob, and the finished run commits the blocks in part order,
/// without reading a row back from the results table. For a queue-fed run, the failed
/// records are also sent to <c>{queue}-poison</c> with their reason, once: a marker blob records that they were
/// sent, so a re-executed export does not send them again (a crash mid-send can repeat a few; each poison message
/// carries the run and record id for consumers to dedupe).
/// </summary>
public sealed partial class BlobRunExporter(StorageClients storage, IRunResultStore results, IRunStaging staging, ILogger<BlobRunExporter> logger) : IRunExporter
{
    private const int PageSize = 1000;

    /// <summary>A poison message keeps the record when it fits the queue's 64 KiB message limit with room to spare.</summary>
    private const int MaxPoisonRecordChars = 48 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StageAsync(ExportPart part, IReadOnlyList<RecordResult> rows, CancellationToken cancellationToken) =>
        await ExportBlocks.StageAsync(await storage.ExportsAsync().ConfigureAwait(false), part, rows, cancellationToken).ConfigureAwait(false);

    public async Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var container = await storage.ExportsAsync().ConfigureAwait(false);
        var blob = container.GetBlockBlobClient(ExportBlocks.BlobName(request.Job, request.RunId));
        var parts = await StagedPartsAsync(blob, cancellationToken).ConfigureAwait(false);
        if (parts.Count > ExportCapacity.MaxParts)
        {
            // The run checks its chunk count against this after staging; reaching it here means that check was wrong.
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"run {request.RunId} has {parts.Count} export parts, more than the {ExportCapacity.MaxParts} blocks a blob holds; use a larger chunkSize"));
        }

        await blob.CommitBlockListAsync(
            parts,
            new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } },
            cancellationToken).ConfigureAwait(false);
        var count = await CountLinesAsync(blob, cancellationToken).ConfigureAwait(false);
        var poisoned = request.IntakeQueue is null ? 0 : await PoisonFailedAsync(request, cancellationToken).ConfigureAwait(false);
        LogExported(request.RunId, count, parts.Count, blob.Name, poisoned);
        return new RunExport(container.Name, blob.Name, blob.Uri.ToString(), count, poisoned);
    }

    /// <summary>
    /// Every staged part's block id, in part-key order: the uncommitted ones, and the committed ones when an earlier
    /// execution of the export already committed (committing them again keeps them).
    /// </summary>
    private static async Task<List<string>> StagedPartsAsync(BlockBlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var list = (await blob.GetBlockListAsync(BlockListTypes.All, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            // Base64 does not sort like the text it encodes: order by the part keys themselves.
            return list.UncommittedBlocks.Concat(list.CommittedBlocks)
                .Select(b => b.Name)
                .Distinct(StringComparer.Ordinal)
                .Select(id => (Id: id, Key: ExportBlocks.PartKey(id)))
                .Where(block => block.Key is not null)
                .OrderBy(block => block.Key, StringComparer.Ordinal)
                .Select(block => block.Id)
                .ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>Counts the committed export's lines: the parts' ids say where each belongs, not how long it is.</summary>
    private static async Task<int> CountLinesAsync(BlockBlobClient blob, CancellationToken cancellationToken)
    {
        var count = 0;
        var buffer = new byte[1 << 20];
        await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return count;
    }

    private async Task<int> PoisonFailedAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var failed = new List<RecordResult>();
        string? continuation = null;
        do
        {
            var page = await results.QueryAsync(request.RunId, RecordStatus.Failed, PageSize, continuation, cancellationToken).ConfigureAwait(false);
            failed.AddRange(page.Results);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        if (failed.Count == 0)
        {
            return 0;
        }

        var runs = await storage.RunsAsync().ConfigureAwait(false);
        var marker = runs.GetBlobClient($"{request.RunId}/poison.sent");
        if (await marker.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return failed.Count;
        }

        var poison = storage.Queues.GetQueueClient(QueueNames.PoisonOf(request.IntakeQueue!));
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var chunk in failed.GroupBy(r => r.ChunkIndex))
        {
            var records = (await staging.ReadChunkAsync(new ChunkRef(request.RunId, chunk.Key), cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.Ordinal);
            foreach (var row in chunk)
            {
                var record = records.TryGetValue(row.RecordId, out var found) ? found.GetRawText() : null;
                var message = new
                {
                    source = "run",
                    runId = request.RunId,
                    recordId = row.RecordId,
                    code = row.ErrorCode,
                    reason = row.ErrorMessage,
                    record = record is { Length: <= MaxPoisonRecordChars } ? JsonSerializer.Deserialize<JsonElement>(record) : (JsonElement?)null,
                };
                await poison.SendMessageAsync(JsonSerializer.Serialize(message, Json), cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await marker.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another execution finished sending first.
        }

        return failed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} exported {Records} result rows in {Parts} parts to {Blob}; {Poisoned} failed records sent to the poison queue")]
    private partial void LogExported(string runId, int records, int parts, string blob, int poisoned);
}
