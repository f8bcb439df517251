namespace FunctionsBatch.Http.Api;

/// <summary>The Durable Functions runtime status names the API reports.</summary>
public static class RuntimeStatusNames
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Terminated = "Terminated";
    public const string Suspended = "Suspended";

    public static bool IsFinished(string status) => status is Completed or Failed or Terminated;
}
