namespace FunctionsBatch.Core.Throttling;

/// <summary>
/// What one answer's headers said about the deployment's limits: <c>x-ratelimit-remaining-*</c> (Azure and OpenAI)
/// and <c>x-ratelimit-limit-*</c> (per minute, OpenAI and gateways). Null where the header was absent.
/// </summary>
public sealed record RateSignal(int? RemainingTokens = null, int? RemainingRequests = null, int? LimitTokens = null, int? LimitRequests = null)
{
    public static RateSignal None { get; } = new();

    /// <summary>Whether the answer said how much of either limit is left.</summary>
    public bool HasRemaining => RemainingTokens is not null || RemainingRequests is not null;
}
