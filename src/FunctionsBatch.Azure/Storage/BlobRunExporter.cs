using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsBatch.Core.Intake;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Streams a run's result rows, a page at a time, into <c>exports/{job}/{run}.jsonl</c>: one line per record with
/// <c>id</c>, <c>status</c>, <c>output</c> (parsed when it is JSON) and <c>error</c>. For a queue-fed run, the
/// failed records are also sent to <c>{queue}-poison</c> with their reason, once: a marker blob records that they
/// were sent, so a re-executed export does not send them again (a crash mid-send can repeat a few; each poison
/// message carries the run and record id for consumers to dedupe).
/// </summary>
public sealed partial class BlobRunExporter(StorageClients storage, IRunResultStore results, IRunStaging staging, ILogger<BlobRunExporter> logger) : IRunExporter
{
    private const int PageSize = 1000;

    /// <summary>A poison message keeps the record when it fits the queue's 64 KiB message limit with room to spare.</summary>
    private const int MaxPoisonRecordChars = 48 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ExportBlob(string job, string runId) => $"{job}/{runId}.jsonl";

    public async Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var container = await storage.ExportsAsync().ConfigureAwait(false);
        var blob = container.GetBlobClient(ExportBlob(request.Job, request.RunId));
        var failed = new List<RecordResult>();
        var count = 0;
        await using (var stream = await blob.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Each line goes through a memory buffer: flushing a JSON writer over the blob stream itself would
            // flush the stream too, and every blob stream flush uploads a block.
            var line = new ArrayBufferWriter<byte>();
            await using var writer = new Utf8JsonWriter(line);
            string? continuation = null;
            do
            {
                var page = await results.QueryAsync(request.RunId, null, PageSize, continuation, cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Results)
                {
                    WriteLine(writer, row);
                    writer.Flush();
                    line.Write("\n"u8);
                    await stream.WriteAsync(line.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    line.ResetWrittenCount();
                    writer.Reset();
                    count++;
                    if (request.IntakeQueue is not null && row.Status == RecordStatus.Failed)
                    {
                        failed.Add(row);
                    }
                }

                continuation = page.ContinuationToken;
            }
            while (continuation is not null);
        }

        var poisoned = request.IntakeQueue is null ? 0 : await PoisonFailedAsync(request, failed, cancellationToken).ConfigureAwait(false);
        LogExported(request.RunId, count, blob.Name, poisoned);
        return new RunExport(container.Name, blob.Name, blob.Uri.ToString(), count, poisoned);
    }

    private static void WriteLine(Utf8JsonWriter writer, RecordResult row)
    {
        writer.WriteStartObject();
        writer.WriteString("id", row.RecordId);
        writer.WriteString("status", row.Status);
        writer.WritePropertyName("output");
        WriteOutput(writer, row.Output);
        writer.WritePropertyName("error");
        if (row.ErrorCode is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("code", row.ErrorCode);
            writer.WriteString("message", row.ErrorMessage);
            if (row.HttpStatus is { } status)
            {
                writer.WriteNumber("httpStatus", status);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, string? output)
    {
        if (output is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (output.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                using var document = JsonDocument.Parse(output);
                document.RootElement.WriteTo(writer);
                return;
            }
            catch (JsonException)
            {
                // Kept as text below: an invalid_output record's raw answer is not JSON.
            }
        }

        writer.WriteStringValue(output);
    }

    private async Task<int> PoisonFailedAsync(ExportRequest request, List<RecordResult> failed, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} exported {Records} result rows to {Blob}; {Poisoned} failed records sent to the poison queue")]
    private partial void LogExported(string runId, int records, string blob, int poisoned);
}
