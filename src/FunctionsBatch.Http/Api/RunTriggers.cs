namespace FunctionsBatch.Http.Api;

public static class RunTriggers
{
    public const string Http = "http";
    public const string Timer = "timer";
    public const string RetryFailed = "retry-failed";
}
