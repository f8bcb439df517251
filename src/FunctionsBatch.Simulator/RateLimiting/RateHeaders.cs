namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>Which rate-limit headers answers carry.</summary>
public enum RateHeaders
{
    /// <summary>As Azure OpenAI: <c>x-ratelimit-remaining-tokens</c> and <c>x-ratelimit-remaining-requests</c>.</summary>
    Azure,

    /// <summary>As OpenAI and most gateways: the remaining counts plus <c>x-ratelimit-limit-*</c> and <c>x-ratelimit-reset-*</c>.</summary>
    OpenAI,
}
