namespace FunctionsBatch.Simulator.Http;

/// <summary>Log messages; none carries message content.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(1, LogLevel.Debug, "Chat completion on {Deployment}: {Status}, {PromptTokens} prompt and {CompletionTokens} completion tokens")]
    public static partial void Completed(ILogger logger, string deployment, int status, int promptTokens, int completionTokens);

    [LoggerMessage(2, LogLevel.Debug, "Throttled a request on {Deployment} ({Limit}); retry after {RetryAfterMs} ms")]
    public static partial void Throttled(ILogger logger, string deployment, string limit, long retryAfterMs);

    [LoggerMessage(3, LogLevel.Debug, "Refused a request on {Deployment} with {Status}: {Code}")]
    public static partial void Refused(ILogger logger, string deployment, int status, string code);

    [LoggerMessage(4, LogLevel.Information, "Reconfigured: latency {LatencyMs} ms (+{JitterMs} ms jitter), default limits {Tpm} TPM / {Rpm} RPM, {Deployments} deployment overrides")]
    public static partial void Reconfigured(ILogger logger, int latencyMs, int jitterMs, long tpm, long rpm, int deployments);

    [LoggerMessage(5, LogLevel.Information, "Stats, rate limit buckets and fault attempt counts reset")]
    public static partial void Reset(ILogger logger);

    [LoggerMessage(6, LogLevel.Debug, "Injected {Fault} on {Deployment} (attempt {Attempt})")]
    public static partial void FaultInjected(ILogger logger, string deployment, string fault, int attempt);
}
