namespace FunctionsBatch.Core.Runs;

/// <summary>What a finished run achieved, beside the Durable runtime status.</summary>
public enum RunOutcome
{
    Succeeded,
    CompletedWithFailures,
    Failed,
    Canceled,
    BudgetExceeded,
}
