namespace FunctionsBatch.Simulator.Configuration;

/// <summary>Effective per-minute limits of one deployment; 0 means unlimited.</summary>
public readonly record struct RateLimits(long TokensPerMinute, long RequestsPerMinute);
