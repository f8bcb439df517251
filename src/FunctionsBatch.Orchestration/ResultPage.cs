using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

public sealed record ResultPage(IReadOnlyList<RecordResult> Results, string? ContinuationToken);
