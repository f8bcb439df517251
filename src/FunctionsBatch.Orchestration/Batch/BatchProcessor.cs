using System.Diagnostics;
using System.Globalization;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Ledger;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Core.Validation;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>
/// Submits a staged chunk (or a round's leftovers) as a Batch API job and maps its output back, record by record,
/// into the same result rows, statuses and schema checks as the online path. Record contents go from the staged
/// chunk into the JSONL file and from the output file into the results table; only counts reach the orchestration.
/// </summary>
public sealed partial class BatchProcessor(
    IRunStaging staging,
    IBatchStaging batches,
    IBatchModelClient client,
    IRunResultStore results,
    IRecordLedger ledger,
    IRunExporter exporter,
    IEnqueuedTokenLedger enqueued,
    EnqueuedTokenQuotas quotas,
    ModelLimits limits,
    PriceTable prices,
    IChunkProcessor online,
    ILogger<BatchProcessor> logger) : IBatchProcessor
{
    private readonly ChunkSteps _steps = new(ledger, exporter, prices, limits);

    public async Task<BatchSubmitResult> SubmitAsync(BatchSubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await batches.GetSubmissionAsync(request, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var clock = Stopwatch.StartNew();
        var chunk = new ChunkRef(request.RunId, request.ChunkIndex);
        var spec = await staging.GetSpecAsync(request.RunId, cancellationToken).ConfigureAwait(false);
        var records = await staging.ReadChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        var lines = request.Round == 0
            ? Enumerable.Range(0, records.Count).ToArray()
            : await batches.GetLeftoversAsync(request.RunId, request.ChunkIndex, request.Round, cancellationToken).ConfigureAwait(false);

        var prepared = await _steps.PrepareAsync(spec, lines.Select(i => records[i]).ToArray(), useLedger: request.Round == 0, cancellationToken).ConfigureAwait(false);
        var settled = new List<RecordResult>();
        long tokens = 0;
        var submittedLines = new List<int>();
        using var file = new MemoryStream();
        foreach (var (index, record) in lines.Zip(prepared))
        {
            if (record.Settled(chunk, records[index].GetProperty("id").GetString()!, RunModes.Batch) is { } row)
            {
                settled.Add(row);
                continue;
            }

            BatchRequestLine.Write(file, BatchCustomId.Format(chunk.ChunkIndex, index), spec.Model, record.Messages!, spec.MaxOutputTokens, spec.ResponseSchema, spec.Name);
            tokens += record.PromptTokens ?? ChatTokenCounter.CountPromptTokens(record.Messages!);
            submittedLines.Add(index);
        }

        ChunkSummary? summary = null;
        if (settled.Count > 0)
        {
            await results.UpsertAsync(settled, cancellationToken).ConfigureAwait(false);
            summary = await _steps.FinishAsync(
                spec, new ExportPart(spec.Name, request.RunId, request.ChunkIndex, ExportPart.BatchSettled, request.Round), settled, RunCounters.Of(settled),
                RunModes.Batch, clock.ElapsedMilliseconds, cancellationToken).ConfigureAwait(false);
        }

        await batches.SaveSubmittedAsync(request.RunId, request.ChunkIndex, request.Round, submittedLines, cancellationToken).ConfigureAwait(false);
        var count = submittedLines.Count;
        if (count == 0)
        {
            return new BatchSubmitResult(null, 0, 0, false, false, summary);
        }

        var quota = quotas.For(spec.Model);
        if (quota is { } limit && tokens > limit)
        {
            return new BatchSubmitResult(null, count, tokens, false, true, summary,
                string.Create(CultureInfo.InvariantCulture, $"the batch needs {tokens} enqueued tokens, more than the {limit} quota of {spec.Model}"));
        }

        var reservation = ReservationKey(request.RunId, request.ChunkIndex);
        if (quota is { } full && !await enqueued.TryReserveAsync(spec.Model, reservation, tokens, full, cancellationToken).ConfigureAwait(false))
        {
            LogQuotaFull(request.RunId, request.ChunkIndex, tokens, full);
            return new BatchSubmitResult(null, count, tokens, true, false, summary, "the enqueued-token quota is full");
        }

        file.Position = 0;
        BatchJob job;
        try
        {
            var fileId = await client.UploadAsync(file, $"{request.RunId}-c{request.ChunkIndex}-r{request.Round}.jsonl", cancellationToken).ConfigureAwait(false);
            job = await client.CreateAsync(fileId, cancellationToken).ConfigureAwait(false);
        }
        catch (BatchQuotaExceededException ex)
        {
            await enqueued.ReleaseAsync(spec.Model, reservation, cancellationToken).ConfigureAwait(false);
            LogQuotaRefused(request.RunId, request.ChunkIndex, ex.Message);
            return new BatchSubmitResult(null, count, tokens, true, false, summary, "the service refused the batch: enqueued-token quota full");
        }

        var result = new BatchSubmitResult(job, count, tokens, false, false, summary);
        await batches.SaveSubmissionAsync(request, result, cancellationToken).ConfigureAwait(false);
        LogSubmitted(request.RunId, request.ChunkIndex, request.Round, job.Id, count, tokens);
        return result;
    }

    public async Task<BatchCollectResult> CollectAsync(BatchCollectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var chunk = new ChunkRef(request.RunId, request.ChunkIndex);
        var spec = await staging.GetSpecAsync(request.RunId, cancellationToken).ConfigureAwait(false);
        var records = await staging.ReadChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        var submitted = (await batches.GetSubmittedAsync(request.RunId, request.ChunkIndex, request.Round, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var answers = new Dictionary<int, BatchLineResult>();
        foreach (var fileId in new[] { request.Batch.OutputFileId, request.Batch.ErrorFileId }.OfType<string>())
        {
            await foreach (var line in client.ReadLinesAsync(fileId, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var answer = BatchLineReader.Read(line);
                if (BatchCustomId.TryParse(answer.CustomId, chunk.ChunkIndex, out var index) && submitted.Contains(index))
                {
                    answers[index] = answer;
                }
            }
        }

        EstimateMissingUsage(spec, records, answers);
        var validator = spec.ResponseSchema is { } schema ? new OutputSchemaValidator(schema) : null;
        var rows = new List<RecordResult>();
        var leftovers = new List<int>();
        int failedLines = 0, expiredLines = 0;
        long waste = 0;
        foreach (var index in submitted.Order())
        {
            var record = records[index];
            var id = record.GetProperty("id").GetString()!;
            if (!answers.TryGetValue(index, out var answer))
            {
                if (!request.Canceled)
                {
                    // Never run: the batch failed, expired, or was cut off for the deadline.
                    if (request.CutOff || request.Batch.Status == BatchStatuses.Expired)
                    {
                        expiredLines++;
                    }
                    else
                    {
                        failedLines++;
                    }

                    leftovers.Add(index);
                }

                continue;
            }

            if (answer.Succeeded)
            {
                if (validator?.Check(answer.Content) is not null)
                {
                    // Resubmitted like a failed line; online, the answer gets the usual re-ask with the validation error.
                    waste += answer.Usage.TotalTokens;
                    leftovers.Add(index);
                    continue;
                }

                rows.Add(Answered(chunk, id, answer, RecordStatus.Succeeded, null, null) with { ContentKey = ContentKey.Compute(spec, record) });
                continue;
            }

            waste += answer.Usage.TotalTokens;
            if (answer.Expired)
            {
                expiredLines++;
            }
            else
            {
                failedLines++;
            }

            if (answer.Retryable && !request.Canceled)
            {
                leftovers.Add(index);
                continue;
            }

            rows.Add(Answered(chunk, id, answer, RecordStatus.Failed, answer.ErrorCode ?? RecordErrorCodes.ModelError, answer.ErrorMessage ?? "the batch line failed"));
        }

        // Records going round again get no row here: they have no fate yet, and the round that settles them writes it.
        if (rows.Count > 0)
        {
            await results.UpsertAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        await batches.SaveLeftoversAsync(request.RunId, request.ChunkIndex, request.Round + 1, leftovers, cancellationToken).ConfigureAwait(false);
        await enqueued.ReleaseAsync(spec.Model, ReservationKey(request.RunId, request.ChunkIndex), cancellationToken).ConfigureAwait(false);

        // Every answered line is billed, also the invalid ones going round again.
        var billed = answers.Values.Aggregate(TokenUsage.Zero, (total, a) => total + a.Usage);
        var counters = RunCounters.Of(rows) with
        {
            Requests = submitted.Count,
            Usage = billed,
            Waste = new TokenWaste(InvalidBatchLines: waste),
            FailedLines = failedLines,
            ExpiredLines = expiredLines,
            ResubmittedLines = leftovers.Count,
        };
        // Priced at the Batch API's price, so a budget stops a batch run as it stops an online one.
        var summary = await _steps.FinishAsync(
            spec, new ExportPart(spec.Name, request.RunId, request.ChunkIndex, ExportPart.BatchCollected, request.Round), rows, counters, RunModes.Batch,
            clock.ElapsedMilliseconds, cancellationToken).ConfigureAwait(false);
        LogCollected(request.RunId, request.ChunkIndex, request.Round, request.Batch.Id, counters.Succeeded, counters.Failed, failedLines, expiredLines, leftovers.Count);
        return new BatchCollectResult(summary, leftovers.Count);
    }

    public async Task<ChunkSummary> ProcessLeftoversOnlineAsync(BatchLeftoversRef leftovers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        var chunk = new ChunkRef(leftovers.RunId, leftovers.ChunkIndex);
        var records = await staging.ReadChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        // Round 0 goes online when its batch can never fit the quota or the deadline came first: then only the
        // records it would have submitted (those settled before the call already have rows), or all when it never ran.
        var lines = leftovers.Round == 0
            ? await batches.GetSubmittedAsync(leftovers.RunId, leftovers.ChunkIndex, 0, cancellationToken).ConfigureAwait(false) is { Count: > 0 } submitted
                ? submitted
                : Enumerable.Range(0, records.Count).ToArray()
            : await batches.GetLeftoversAsync(leftovers.RunId, leftovers.ChunkIndex, leftovers.Round, cancellationToken).ConfigureAwait(false);
        var ids = lines.Select(i => records[i].GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var summary = await online.ProcessAsync(chunk, ids, leftovers.Round, cancellationToken).ConfigureAwait(false);
        // A batch the service refused may still hold the chunk's reservation when its records go online instead.
        var spec = await staging.GetSpecAsync(leftovers.RunId, cancellationToken).ConfigureAwait(false);
        await enqueued.ReleaseAsync(spec.Model, ReservationKey(leftovers.RunId, leftovers.ChunkIndex), cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>
    /// Answers from a server that sent no <c>usage</c> are billed all the same: their tokens are counted with the tokenizer
    /// (the prompt exactly, the completion from its text), as the online path counts them.
    /// </summary>
    private void EstimateMissingUsage(JobSpec spec, IReadOnlyList<System.Text.Json.JsonElement> records, Dictionary<int, BatchLineResult> answers)
    {
        var preparer = new RecordPreparer(spec, limits.ContextWindow(spec.Model));
        foreach (var (index, answer) in answers.Where(a => a.Value is { Succeeded: true, UsageMissing: true }).ToArray())
        {
            var prompt = preparer.Prepare(records[index]).Messages is { } messages ? ChatTokenCounter.CountPromptTokens(messages) : 0;
            answers[index] = answer with { Usage = new TokenUsage(prompt, 0, ChatTokenCounter.CountText(answer.Content)) };
        }
    }

    /// <summary>A chunk has at most one batch enqueued at a time, so its reservation is keyed by the chunk.</summary>
    private static string ReservationKey(string runId, int chunkIndex) => $"{runId}:{chunkIndex}";

    private static RecordResult Answered(ChunkRef chunk, string id, BatchLineResult answer, string status, string? code, string? message) =>
        new(chunk.RunId, id, chunk.ChunkIndex, status, answer.Content, answer.Usage, 0, 1, answer.StatusCode, code, message, Mode: RunModes.Batch,
            UsageEstimated: answer.UsageMissing, Truncated: answer.Truncated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex} round {Round}: batch {BatchId} created with {Lines} lines, {Tokens} enqueued tokens")]
    private partial void LogSubmitted(string runId, int chunkIndex, int round, string batchId, int lines, long tokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex}: enqueued-token quota full ({Tokens} tokens do not fit the {Quota} quota now); waiting")]
    private partial void LogQuotaFull(string runId, int chunkIndex, long tokens, long quota);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex}: the service refused the batch for its enqueued-token quota ({Reason}); waiting")]
    private partial void LogQuotaRefused(string runId, int chunkIndex, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex} round {Round}: batch {BatchId} collected, {Succeeded} succeeded, {Failed} failed, {FailedLines} lines failed, {ExpiredLines} expired, {Leftovers} to resubmit")]
    private partial void LogCollected(string runId, int chunkIndex, int round, string batchId, int succeeded, int failed, int failedLines, int expiredLines, int leftovers);
}
