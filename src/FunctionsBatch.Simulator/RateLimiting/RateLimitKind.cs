namespace FunctionsBatch.Simulator.RateLimiting;

public enum RateLimitKind
{
    None,
    Tokens,
    Requests,
}
