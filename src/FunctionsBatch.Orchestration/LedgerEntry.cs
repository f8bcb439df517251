using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>A succeeded answer and what it cost when it was first paid for.</summary>
public sealed record LedgerEntry(string ContentKey, string Output, TokenUsage Usage, string RunId, string RecordId);
