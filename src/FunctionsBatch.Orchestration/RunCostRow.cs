using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// A cost row as stored: the run's total (<see cref="RowKey"/> <c>run</c>) or one model × mode part of it
/// (<c>{model}|{mode}</c>). The parts of a run add up to its total.
/// </summary>
/// <param name="TotalRecords">Every record the row covers, skipped ones included (parts have none skipped).</param>
/// <param name="WasteCauses">The waste as stored for people to read, e.g. <c>re-asked 512</c>.</param>
/// <param name="WasteTokens">The waste as stored, also on rows written before it had a column per cause.</param>
public sealed record RunCostRow(
    string RunId,
    string RowKey,
    string Job,
    string Model,
    string PromptVersion,
    string Tenant,
    string Feature,
    string Outcome,
    string Mode,
    DateTime StartedUtc,
    DateTime CompletedUtc,
    int TotalRecords,
    int Skipped,
    RunCounters Counters,
    string WasteCauses = "",
    long WasteTokens = 0)
{
    public const string RunRowKey = "run";

    public bool IsRunTotal => RowKey == RunRowKey;

    /// <remarks>
    /// Model names of OpenAI-compatible servers hold characters a row key may not (<c>meta-llama/Llama-3</c>); they
    /// become <c>_</c>. A run uses one model, so the key stays unique within its partition.
    /// </remarks>
    public static string ModeRowKey(string model, string mode) =>
        $"{TableKeys.Safe(model)}|{mode}";
}
