using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>What a range of chunks produced, the window it ended with, and why it stopped early, if it did.</summary>
public sealed record DispatchResult(ChunkTotals Totals, int FinalWindow, bool Canceled, string? HopelessReason, string? BudgetReason = null)
{
    public bool Hopeless => HopelessReason is not null;

    public bool OverBudget => BudgetReason is not null;

    public string? Reason => HopelessReason ?? BudgetReason ?? (Canceled ? "canceled on request" : null);
}
