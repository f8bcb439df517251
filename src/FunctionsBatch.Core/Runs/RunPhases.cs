namespace FunctionsBatch.Core.Runs;

public static class RunPhases
{
    public const string Staging = "staging";
    public const string Processing = "processing";
    public const string Canceling = "canceling";
    public const string Finishing = "finishing";
    public const string Done = "done";
}
