using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>A record's result row plus what the chunk summary counts beside it.</summary>
/// <param name="Waste">Tokens billed for answers not used: lost or unreadable attempts, a re-asked invalid answer, every answer of a failed record.</param>
internal sealed record RecordOutcome(RecordResult Result, int Throttled, int Repairs, TokenWaste? Waste = null)
{
    /// <summary>Calls sent again after a transient failure: attempts beyond the first call and its re-ask.</summary>
    public int Retries => Result.Attempts == 0 ? 0 : Math.Max(0, Result.Attempts - 1 - Repairs);

    public static RecordOutcome From(ChunkRef chunk, string recordId, ChatCallResult call, int repairs) =>
        new(
            call.Succeeded
                ? new RecordResult(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Succeeded, call.Content, call.Usage,
                    call.LatencyMs, call.Attempts, call.HttpStatus, null, null, Throttled: call.Throttled, UsageEstimated: call.UsageEstimated, Truncated: call.Truncated)
                : new RecordResult(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Failed, null, call.Usage,
                    call.LatencyMs, call.Attempts, call.HttpStatus, call.ErrorCode ?? RecordErrorCodes.ModelError, call.ErrorMessage ?? "the model call failed",
                    Throttled: call.Throttled, UsageEstimated: call.UsageEstimated, Truncated: call.Truncated),
            call.Throttled,
            repairs,
            call.Succeeded ? call.Waste : ThrownAway(call));

    /// <summary>Failed as <c>invalid_output</c>, keeping the raw text the model gave.</summary>
    public static RecordOutcome InvalidOutput(ChunkRef chunk, string recordId, ChatCallResult call, string message) =>
        new(
            new RecordResult(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Failed, call.Content, call.Usage,
                call.LatencyMs, call.Attempts, call.HttpStatus, RecordErrorCodes.InvalidOutput, message, Throttled: call.Throttled, UsageEstimated: call.UsageEstimated,
                Truncated: call.Truncated),
            call.Throttled,
            1,
            ThrownAway(call));

    /// <summary>A failed record's call: what its attempts already count as waste, the rest as the answers of a failed record.</summary>
    private static TokenWaste ThrownAway(ChatCallResult call)
    {
        var counted = call.Waste ?? TokenWaste.None;
        return counted with { FailedRecords = counted.FailedRecords + Math.Max(0, call.Usage.TotalTokens - counted.Total) };
    }
}
