namespace FunctionsBatch.Orchestration;

/// <summary>Why a run stopped dispatching chunks before the end, if it did.</summary>
internal sealed record DispatchStop(bool Canceled, string? HopelessReason)
{
    public bool Hopeless => HopelessReason is not null;

    public string? Reason => HopelessReason ?? (Canceled ? "canceled on request" : null);
}
