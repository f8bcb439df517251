using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Intake;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Intake;

/// <summary>
/// Drains a run's intake queue into its intake log, <c>{run}/intake.jsonl</c> in the runs container (an append
/// blob): receive a batch, append one block holding every new message of it (records and rejections alike), and
/// only after that append has committed delete the messages and send the rejected ones to <c>{queue}-poison</c>.
/// A crash therefore never loses a message: one not yet logged comes back after its visibility timeout, one
/// logged but not deleted is recognised by its message id when it comes back and only deleted then. The drain
/// takes at most as many messages as the queue held when the run first started draining (kept in
/// <c>{run}/intake.json</c>), so producers adding messages meanwhile cannot keep it going forever.
/// </summary>
public sealed partial class QueueIntake(StorageClients storage, IntakeSettings settings, TimeProvider time, ILogger<QueueIntake> logger)
{
    /// <summary>A poison message keeps at most this much of the original body (a queue message holds 64 KiB).</summary>
    private const int MaxPoisonBodyChars = 32 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string LogBlob(string runId) => $"{runId}/intake.jsonl";

    private static string BoundBlob(string runId) => $"{runId}/intake.json";

    /// <summary>Drains the queue (or finishes an interrupted drain) and returns what the run's intake log holds.</summary>
    public async Task<IntakeLog> DrainAsync(string runId, string queueName, CancellationToken cancellationToken)
    {
        var runs = await storage.RunsAsync().ConfigureAwait(false);
        var queue = storage.Queues.GetQueueClient(queueName);
        var poison = storage.Queues.GetQueueClient(QueueNames.PoisonOf(queueName));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        var logBlob = runs.GetAppendBlobClient(LogBlob(runId));
        await logBlob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var (log, length) = await LoadAsync(logBlob, cancellationToken).ConfigureAwait(false);
        var bound = await BoundAsync(runs, runId, queueName, queue, cancellationToken).ConfigureAwait(false);
        LogDrainStarting(runId, queueName, bound, log.Count);

        var visibility = TimeSpan.FromSeconds(settings.VisibilityTimeoutSeconds);
        var resumedUntil = log.Count > 0 ? time.GetUtcNow() + visibility + TimeSpan.FromSeconds(5) : (DateTimeOffset?)null;
        DateTimeOffset? waitUntil = null;
        while (log.Count < bound)
        {
            QueueMessage[] received = (await queue.ReceiveMessagesAsync(
                Math.Clamp(bound - log.Count, 1, Math.Clamp(settings.BatchSize, 1, 32)), visibility, cancellationToken).ConfigureAwait(false)).Value;
            if (received.Length == 0)
            {
                // Messages an interrupted drain received but never logged are hidden until their visibility timeout.
                var left = (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
                waitUntil ??= time.GetUtcNow() + visibility + TimeSpan.FromSeconds(5);
                if (left == 0 || time.GetUtcNow() >= waitUntil)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            waitUntil = null;
            (log, length) = await LogBatchAsync(logBlob, log, length, received, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(received.Select(m => SettleAsync(queue, poison, runId, m, log.Find(m.MessageId)!, cancellationToken))).ConfigureAwait(false);
            if (settings.BatchDelayMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.BatchDelayMilliseconds), time, cancellationToken).ConfigureAwait(false);
            }
        }

        if (resumedUntil is { } until)
        {
            await SweepAsync(queue, poison, runId, log, until, cancellationToken).ConfigureAwait(false);
        }

        LogDrained(runId, queueName, log.Staged, log.Rejected);
        return log;
    }

    /// <summary>
    /// After an interrupted drain: messages the dead execution logged but had not deleted yet come back when their
    /// visibility timeout ends (at the latest <paramref name="until"/>); they are in the log, so they are settled now
    /// rather than left for the next run. A message not in the log (sent after the drain's bound) is let go at once.
    /// </summary>
    private async Task SweepAsync(QueueClient queue, QueueClient poison, string runId, IntakeLog log, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (time.GetUtcNow() < until && (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount > 0)
        {
            QueueMessage[] received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false)).Value;
            var logged = received.Where(m => log.Find(m.MessageId) is not null).ToArray();
            await Task.WhenAll(logged.Select(m => SettleAsync(queue, poison, runId, m, log.Find(m.MessageId)!, cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(received.Except(logged).Select(m => queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken)))
                .ConfigureAwait(false);
            if (logged.Length == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Appends the batch's new messages as one block, which commits whole or not at all.</summary>
    private static async Task<(IntakeLog Log, long Length)> LogBatchAsync(
        AppendBlobClient logBlob, IntakeLog log, long length, QueueMessage[] received, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fresh = received.Where(m => log.Find(m.MessageId) is null).Select(m => log.Admit(m.MessageId, m.Body.ToString())).ToArray();
            if (fresh.Length == 0)
            {
                return (log, length);
            }

            var block = fresh.SelectMany(e => e.ToLine()).ToArray();
            try
            {
                using var content = new MemoryStream(block);
                await logBlob.AppendBlockAsync(
                    content,
                    new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = length } },
                    cancellationToken).ConfigureAwait(false);
                return (log, length + block.Length);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 3)
            {
                // The log grew under us: a retried request whose first try had committed. Reload and decide again.
                (log, length) = await LoadAsync(logBlob, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>After the message is logged: a rejected one goes to the poison queue, then the message is deleted.</summary>
    private static async Task SettleAsync(QueueClient queue, QueueClient poison, string runId, QueueMessage message, IntakeEntry entry, CancellationToken cancellationToken)
    {
        if (!entry.IsRecord)
        {
            var body = message.Body.ToString();
            var poisoned = new
            {
                source = "intake",
                runId,
                messageId = message.MessageId,
                recordId = entry.RecordId,
                code = entry.Code,
                reason = entry.Problem,
                body = body.Length <= MaxPoisonBodyChars ? body : body[..MaxPoisonBodyChars],
                bodyTruncated = body.Length > MaxPoisonBodyChars,
            };
            await poison.SendMessageAsync(JsonSerializer.Serialize(poisoned, Json), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone, or re-delivered with a new pop receipt: it is logged, so that delivery will be deleted.
        }
    }

    private static async Task<(IntakeLog Log, long Length)> LoadAsync(AppendBlobClient logBlob, CancellationToken cancellationToken)
    {
        var log = new IntakeLog();
        var download = await logBlob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var response = download.Value;
        using var reader = new StreamReader(response.Content);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                log.Add(IntakeEntry.Parse(line));
            }
        }

        return (log, response.Details.ContentLength);
    }

    /// <summary>The number of messages the first drain of the run found: written once, read by every re-execution.</summary>
    private static async Task<int> BoundAsync(BlobContainerClient runs, string runId, string queueName, QueueClient queue, CancellationToken cancellationToken)
    {
        var blob = runs.GetBlobClient(BoundBlob(runId));
        if (await ReadBoundAsync(blob, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known.MessagesAtStart;
        }

        var count = (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        try
        {
            await blob.UploadAsync(
                BinaryData.FromObjectAsJson(new DrainBound(queueName, count), Json),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
            return count;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (await ReadBoundAsync(blob, cancellationToken).ConfigureAwait(false))!.MessagesAtStart;
        }
    }

    private static async Task<DrainBound?> ReadBoundAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<DrainBound>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} draining queue {Queue}: at most {Bound} messages, {Logged} already logged")]
    private partial void LogDrainStarting(string runId, string queue, int bound, int logged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} drained queue {Queue}: {Staged} records staged, {Rejected} messages sent to the poison queue")]
    private partial void LogDrained(string runId, string queue, int staged, int rejected);

    private sealed record DrainBound(string Queue, int MessagesAtStart);
}
