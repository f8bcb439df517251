using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Api;

/// <summary>A run's durable state: the runtime status by its Durable name, plus progress or the final summary.</summary>
public sealed record RunState(
    string RunId,
    string RuntimeStatus,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    RunProgress? Progress,
    RunSummary? Summary,
    string? FailureMessage);
