using System.Diagnostics;
using System.Globalization;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Core.Validation;
using FunctionsBatch.Orchestration.Telemetry;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Processes one chunk: renders each record's prompt, calls the model with bounded concurrency, checks
/// structured output against the schema (one re-ask with the validation error), and writes one result row
/// per record as results come in. A record's failure is recorded on that record; only infrastructure
/// failures (storage) escape, so the activity's retry policy can redo the chunk. A redone chunk reuses the
/// rows an earlier execution already wrote, so work finished before a crash is not paid for twice.
/// Rate limiting never fails a record while the chunk's <see cref="ChunkRef.ThrottleDeadline"/> is ahead: a record
/// still throttled at the activity's <see cref="ChunkTimeLimit"/> gets no row and is counted as deferred, so the
/// orchestrator sends the chunk again; only past the deadline does it fail as <c>rate_limited</c>.
/// </summary>
public sealed partial class ChunkProcessor(
    IRunStaging staging,
    IChatModelClient model,
    IRunResultStore results,
    IRecordLedger ledger,
    IRunExporter exporter,
    PriceTable prices,
    ModelLimits limits,
    ILogger<ChunkProcessor> logger,
    TimeProvider? time = null,
    ChunkTimeLimit? timeLimit = null) : IChunkProcessor
{
    /// <summary>
    /// One Table Storage transaction's worth: a row costs the store (and Azurite) much less in full batches; the
    /// writer also flushes a batch older than a second, so slow models do not leave more finished work unwritten.
    /// </summary>
    private const int WriteBatchSize = 100;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _timeLimit = (timeLimit ?? ChunkTimeLimit.Default).Value;
    private readonly ChunkSteps _steps = new(ledger, exporter, prices, limits);

    public Task<ChunkSummary> ProcessAsync(ChunkRef chunk, CancellationToken cancellationToken) =>
        ProcessAsync(chunk, only: null, round: 0, cancellationToken);

    /// <param name="only">When set, only these records of the chunk (a batch's leftovers); the others already have their rows.</param>
    public async Task<ChunkSummary> ProcessAsync(ChunkRef chunk, IReadOnlySet<string>? only, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        using var scope = logger.BeginScope(FunctionsBatchTelemetry.Scope(chunk.RunId, chunk.ChunkIndex));
        var clock = Stopwatch.StartNew();
        var spec = await staging.GetSpecAsync(chunk.RunId, cancellationToken).ConfigureAwait(false);
        using var activity = FunctionsBatchTelemetry.Start("ProcessChunk", spec, chunk.RunId, chunk.ChunkIndex);
        var records = await staging.ReadChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        if (only is not null)
        {
            records = records.Where(r => only.Contains(r.GetProperty("id").GetString()!)).ToArray();
        }

        // Only a re-execution or a later send can find rows of its own: the first one skips the lookup, which scans the
        // run's partition.
        var start = only is null ? await staging.BeginChunkAsync(chunk, cancellationToken).ConfigureAwait(false) : ChunkStart.Unknown;
        var earlier = start == ChunkStart.First && chunk.Send == 0
            ? new Dictionary<string, RecordResult>(StringComparer.Ordinal)
            : (await results.GetChunkAsync(chunk.RunId, chunk.ChunkIndex, cancellationToken).ConfigureAwait(false))
                .Where(r => only is null || only.Contains(r.RecordId))
                .ToDictionary(r => r.RecordId, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        var throttleDeadline = chunk.ThrottleDeadline ?? now + spec.ThrottleWait;
        // A batch's leftovers have no round of their own to come back in: they wait until the deadline itself.
        var throttleUntil = only is null && now + _timeLimit < throttleDeadline ? now + _timeLimit : throttleDeadline;
        var ids = records.Select(r => r.GetProperty("id").GetString()!).ToArray();
        var outcomes = Array.ConvertAll<string, RecordOutcome?>(ids, id => earlier.TryGetValue(id, out var done) ? new RecordOutcome(done, 0, 0) : null);
        var todo = Enumerable.Range(0, records.Count).Where(i => outcomes[i] is null).ToArray();
        var prepared = await _steps.PrepareAsync(spec, Array.ConvertAll(todo, i => records[i]), useLedger: true, cancellationToken).ConfigureAwait(false);
        var job = new ChunkJob(
            chunk,
            spec,
            spec.ResponseSchema is { } schema ? new OutputSchemaValidator(schema) : null,
            RetryBudget.ForChunk(records.Count, spec.RetryBudget),
            throttleDeadline,
            throttleUntil,
            CanDefer: only is null);

        await using (var writer = new ResultWriter(results, WriteBatchSize))
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, todo.Length),
                new ParallelOptions { MaxDegreeOfParallelism = spec.MaxConcurrentRequestsPerChunk, CancellationToken = cancellationToken },
                async (k, token) =>
                {
                    var id = ids[todo[k]];
                    var outcome = prepared[k].Settled(chunk, id, RunModes.Online) is { } settled
                        ? new RecordOutcome(settled, 0, 0)
                        : await ProcessRecordAsync(job, id, prepared[k], token).ConfigureAwait(false);
                    if (outcome is not null)
                    {
                        outcomes[todo[k]] = outcome;
                        await writer.AddAsync(outcome.Result, token).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var deferred = outcomes.Count(o => o is null);
        if (deferred > 0)
        {
            LogDeferred(chunk.RunId, chunk.ChunkIndex, deferred);
            var throttled = new RunCounters { Records = records.Count, Throttled = outcomes.Sum(o => o?.Throttled ?? 0) };
            return new ChunkSummary(chunk.ChunkIndex, RunModes.Online, throttled, clock.ElapsedMilliseconds, deferred);
        }

        var finished = Array.ConvertAll(outcomes, o => o!);
        var redone = start == ChunkStart.Again ? Redone(spec, earlier, finished) : TokenUsage.Zero;
        return await FinishAsync(chunk, spec, round, earlier, finished, redone, clock, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An estimate of what an execution that died paid for and never wrote: the calls it had in flight and the answers
    /// waiting in its writer (at most the chunk's concurrency plus one write batch), each at what this execution's
    /// calls cost on average. The records are asked again, so these tokens are billed twice.
    /// </summary>
    private static TokenUsage Redone(JobSpec spec, Dictionary<string, RecordResult> earlier, RecordOutcome[] outcomes)
    {
        var asked = outcomes.Where(o => o.Result.Attempts > 0 && !earlier.ContainsKey(o.Result.RecordId)).ToArray();
        if (asked.Length == 0)
        {
            return TokenUsage.Zero;
        }

        var calls = Math.Min(asked.Length, spec.MaxConcurrentRequestsPerChunk + WriteBatchSize);
        var usage = asked.Aggregate(TokenUsage.Zero, (total, o) => total + o.Result.Usage);
        return new TokenUsage(usage.PromptTokens * calls / asked.Length, usage.CachedTokens * calls / asked.Length, usage.CompletionTokens * calls / asked.Length);
    }

    private async Task<ChunkSummary> FinishAsync(
        ChunkRef chunk, JobSpec spec, int round, Dictionary<string, RecordResult> earlier, RecordOutcome[] outcomes, TokenUsage redone,
        Stopwatch clock, Activity? activity, CancellationToken cancellationToken)
    {
        var rows = Array.ConvertAll(outcomes, o => o.Result);
        var counters = RunCounters.Of(rows) with
        {
            Usage = outcomes.Aggregate(redone, (total, o) => total + o.Result.Usage),
            Throttled = outcomes.Sum(o => o.Throttled),
            Repairs = outcomes.Sum(o => o.Repairs),
            Retries = outcomes.Sum(o => o.Retries),
            Waste = outcomes.Aggregate(new TokenWaste(Redone: redone.TotalTokens), (total, o) => total + o.Waste),
        };
        var summary = await _steps.FinishAsync(
            spec, new ExportPart(spec.Name, chunk.RunId, chunk.ChunkIndex, ExportPart.Online, round), rows, counters, RunModes.Online, clock.ElapsedMilliseconds, cancellationToken)
            .ConfigureAwait(false);
        var reused = outcomes.Count(o => earlier.ContainsKey(o.Result.RecordId));
        // Telemetry counts only this execution's work; the summary also keeps what reused rows cost the run earlier.
        var retries = outcomes.Where(o => !earlier.ContainsKey(o.Result.RecordId)).Sum(o => o.Retries);
        FunctionsBatchTelemetry.RecordChunk(spec, summary, reused, retries);
        activity?.SetTag("functionsbatch.records", counters.Records);
        activity?.SetTag("functionsbatch.records.failed", counters.Failed);
        LogChunkDone(chunk.RunId, chunk.ChunkIndex, counters.Succeeded, counters.Failed, earlier.Count, summary.DurationMs);
        return summary;
    }

    /// <returns>
    /// Null when the record is still throttled at the chunk's time limit, before its throttle deadline: it is deferred.
    /// A batch's leftovers are never deferred (nothing would send them again): still throttled, they fail.
    /// </returns>
    private async Task<RecordOutcome?> ProcessRecordAsync(ChunkJob job, string recordId, PreparedRecord prepared, CancellationToken cancellationToken)
    {
        var outcome = await AskAsync(job, recordId, prepared.Messages!, cancellationToken).ConfigureAwait(false);
        if (outcome.Result.ErrorCode == RecordErrorCodes.Throttled)
        {
            if (job.CanDefer && _time.GetUtcNow() < job.ThrottleDeadline)
            {
                return null;
            }

            outcome = outcome with
            {
                Result = outcome.Result with
                {
                    ErrorMessage = string.Create(CultureInfo.InvariantCulture,
                        $"still rate limited when the chunk's throttle wait ran out at {job.ThrottleDeadline:u} (throttleWait {job.Spec.ThrottleWait}, or the run's deadline); retry-failed runs it again"),
                },
            };
        }

        return outcome with { Result = outcome.Result with { ContentKey = prepared.ContentKey, Mode = RunModes.Online } };
    }

    private async Task<RecordOutcome> AskAsync(ChunkJob job, string recordId, IReadOnlyList<ChatMessageText> messages, CancellationToken cancellationToken)
    {
        var call = await CallAsync(job, messages, cancellationToken).ConfigureAwait(false);
        if (!call.Succeeded || job.Validator is null)
        {
            return RecordOutcome.From(job.Chunk, recordId, call, repairs: 0);
        }

        if (job.Validator.Check(call.Content) is not { } problem)
        {
            return RecordOutcome.From(job.Chunk, recordId, call, repairs: 0);
        }

        var repairMessages = messages
            .Append(new ChatMessageText("assistant", call.Content ?? string.Empty))
            .Append(new ChatMessageText("user", $"Your answer does not match the required JSON schema: {problem}. Reply again with only a JSON object that matches the schema."))
            .ToArray();
        var repair = await CallAsync(job, repairMessages, cancellationToken).ConfigureAwait(false);
        var both = Combine(call, repair);
        if (!repair.Succeeded)
        {
            return RecordOutcome.From(job.Chunk, recordId, both, repairs: 1);
        }

        return job.Validator.Check(repair.Content) is { } stillWrong
            ? RecordOutcome.InvalidOutput(job.Chunk, recordId, both, $"the output does not match the response schema after one re-ask: {stillWrong}")
            : RecordOutcome.From(job.Chunk, recordId, both, repairs: 1) with
            {
                Waste = (both.Waste ?? TokenWaste.None) with { Reasked = call.Usage.TotalTokens - (call.Waste?.Total ?? 0) },
            };
    }

    private Task<ChatCallResult> CallAsync(ChunkJob job, IReadOnlyList<ChatMessageText> messages, CancellationToken cancellationToken) =>
        model.CompleteAsync(
            new ChatCallRequest(job.Spec.Model, messages, job.Spec.MaxOutputTokens, job.Spec.ResponseSchema, job.Spec.Name, job.Budget, job.ThrottleUntil),
            cancellationToken);

    /// <summary>The re-ask's answer, carrying the tokens, attempts and 429s of both calls.</summary>
    private static ChatCallResult Combine(ChatCallResult first, ChatCallResult second) => second with
    {
        Usage = first.Usage + second.Usage,
        Attempts = first.Attempts + second.Attempts,
        Throttled = first.Throttled + second.Throttled,
        LatencyMs = first.LatencyMs + second.LatencyMs,
        Waste = (first.Waste ?? TokenWaste.None) + second.Waste,
        UsageEstimated = first.UsageEstimated || second.UsageEstimated,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex}: {Succeeded} succeeded, {Failed} failed ({Reused} rows reused from an earlier attempt) in {DurationMs} ms")]
    private partial void LogChunkDone(string runId, int chunkIndex, int succeeded, int failed, int reused, long durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} chunk {ChunkIndex}: {Deferred} records still rate limited at the chunk's time limit; the chunk goes again for them")]
    private partial void LogDeferred(string runId, int chunkIndex, int deferred);

    private sealed record ChunkJob(
        ChunkRef Chunk, JobSpec Spec, OutputSchemaValidator? Validator, RetryBudget Budget,
        DateTimeOffset ThrottleDeadline, DateTimeOffset ThrottleUntil, bool CanDefer);
}
