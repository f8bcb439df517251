using FunctionsBatch.Core.Records;
namespace FunctionsBatch.Orchestration;

/// <summary>
/// A cost row as stored: the run's total (<see cref="RowKey"/> <c>run</c>) or one model × mode part of it
/// (<c>{model}|{mode}</c>). The parts of a run add up to its total.
/// </summary>
public sealed record RunCostRow(
    string RunId,
    string Job,
    string Model,
    string PromptVersion,
    string Tenant,
    string Feature,
    string Outcome,
    DateTime StartedUtc,
    DateTime CompletedUtc,
    int TotalRecords,
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    long CostMicros,
    int LedgerHits,
    string Mode,
    string RowKey = RunCostRow.RunRowKey,
    long ListCostMicros = 0,
    long WasteTokens = 0,
    int Retries = 0,
    int FailedLines = 0,
    int ExpiredLines = 0,
    int ResubmittedLines = 0,
    string WasteCauses = "")
{
    public const string RunRowKey = "run";

    /// <summary>Mode of a run total that used both online and batch calls.</summary>
    public const string MixedMode = "mixed";

    public bool IsRunTotal => RowKey == RunRowKey;

    /// <remarks>
    /// Model names of OpenAI-compatible servers hold characters a row key may not (<c>meta-llama/Llama-3</c>); they
    /// become <c>_</c>. A run uses one model, so the key stays unique within its partition.
    /// </remarks>
    public static string ModeRowKey(string model, string mode) =>
        $"{TableKeys.Safe(model)}|{mode}";
}
