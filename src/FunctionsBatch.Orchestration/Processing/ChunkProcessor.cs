using System.Diagnostics;
using System.Text.Json;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Processes one chunk: renders each record's prompt, calls the model with bounded concurrency, and upserts
/// one result row per record. A record's failure is recorded on that record; only infrastructure failures
/// (storage) escape, so the activity's retry policy can redo the chunk idempotently.
/// </summary>
public sealed partial class ChunkProcessor(
    IRunStaging staging,
    IChatModelClient model,
    IRunResultStore results,
    PriceTable prices,
    ILogger<ChunkProcessor> logger) : IChunkProcessor
{
    public async Task<ChunkSummary> ProcessAsync(ChunkRef chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var clock = Stopwatch.StartNew();
        var spec = await staging.GetSpecAsync(chunk.RunId, cancellationToken).ConfigureAwait(false);
        var records = await staging.ReadChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        var prompt = new ChatPrompt(spec.Prompt);
        var price = prices.For(spec.Model);
        var outcomes = new RecordResult[records.Count];
        var throttled = new int[records.Count];

        await Parallel.ForEachAsync(
            Enumerable.Range(0, records.Count),
            new ParallelOptions { MaxDegreeOfParallelism = spec.MaxConcurrentRequestsPerChunk, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                (outcomes[index], throttled[index]) = await ProcessRecordAsync(chunk, spec, prompt, records[index], token).ConfigureAwait(false);
            }).ConfigureAwait(false);

        await results.UpsertAsync(outcomes, cancellationToken).ConfigureAwait(false);

        var usage = outcomes.Aggregate(TokenUsage.Zero, (total, r) => total + r.Usage);
        var summary = new ChunkSummary(
            chunk.ChunkIndex,
            outcomes.Length,
            outcomes.Count(r => r.Status == RecordStatus.Succeeded),
            outcomes.Count(r => r.Status == RecordStatus.Failed),
            outcomes.Sum(r => r.Attempts),
            throttled.Sum(),
            usage,
            CostCalculator.MicroDollars(usage, price),
            clock.ElapsedMilliseconds);
        LogChunkDone(chunk.RunId, chunk.ChunkIndex, summary.Succeeded, summary.Failed, summary.DurationMs);
        return summary;
    }

    private async Task<(RecordResult Result, int Throttled)> ProcessRecordAsync(
        ChunkRef chunk, JobSpec spec, ChatPrompt prompt, JsonElement record, CancellationToken cancellationToken)
    {
        var recordId = record.GetProperty("id").GetString()!;
        var rendered = prompt.RenderUser(record);
        if (!rendered.Succeeded)
        {
            return (Failed(chunk, recordId, attempts: 0, null, RecordErrorCodes.MissingField,
                $"the template needs field(s) the record lacks: {string.Join(", ", rendered.Missing)}"), 0);
        }

        var request = new ChatCallRequest(spec.Model, prompt.Messages(rendered.Text!), spec.MaxOutputTokens, spec.ResponseSchema, spec.Name);
        var call = await model.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (!call.Succeeded)
        {
            return (Failed(chunk, recordId, call.Attempts, call.HttpStatus, call.ErrorCode ?? RecordErrorCodes.ModelError,
                call.ErrorMessage ?? "the model call failed", call.Usage, call.LatencyMs), call.Throttled);
        }

        if (spec.ResponseSchema is not null && !IsJsonObject(call.Content))
        {
            return (Failed(chunk, recordId, call.Attempts, call.HttpStatus, RecordErrorCodes.InvalidOutput,
                "the model's output is not a JSON object", call.Usage, call.LatencyMs, call.Content), call.Throttled);
        }

        var succeeded = new RecordResult(
            chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Succeeded, call.Content, call.Usage,
            call.LatencyMs, call.Attempts, call.HttpStatus, null, null);
        return (succeeded, call.Throttled);
    }

    private static RecordResult Failed(
        ChunkRef chunk, string recordId, int attempts, int? httpStatus, string code, string message,
        TokenUsage usage = default, long latencyMs = 0, string? rawOutput = null) =>
        new(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Failed, rawOutput, usage, latencyMs, attempts, httpStatus, code, message);

    private static bool IsJsonObject(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex}: {Succeeded} succeeded, {Failed} failed in {DurationMs} ms")]
    private partial void LogChunkDone(string runId, int chunkIndex, int succeeded, int failed, long durationMs);
}
