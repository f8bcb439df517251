namespace FunctionsBatch.Orchestration;

/// <summary>External events a run listens for.</summary>
public static class RunEvents
{
    public const string Cancel = "cancel";
}
