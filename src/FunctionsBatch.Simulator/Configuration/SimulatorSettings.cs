using Microsoft.Extensions.Options;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>Holds the current <see cref="SimulatorConfig"/>; readers take a snapshot, writers replace it whole.</summary>
public sealed class SimulatorSettings
{
    private readonly Lock _writeLock = new();
    private volatile SimulatorConfig _current;

    public SimulatorSettings(IOptions<SimulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var deployments = o.Deployments.ToDictionary(
            d => d.Key,
            d => new DeploymentConfig(d.Value.TokensPerMinute, d.Value.RequestsPerMinute, d.Value.Model, d.Value.Faults),
            StringComparer.OrdinalIgnoreCase);
        var config = new SimulatorConfig(
            string.IsNullOrEmpty(o.ApiKey) ? "sim-key" : o.ApiKey,
            o.LatencyMs,
            o.LatencyJitterMs,
            o.DefaultTokensPerMinute,
            o.DefaultRequestsPerMinute,
            o.ContextWindow,
            deployments,
            FaultPolicy.Defaults.With(o.Faults),
            o.RateLimitShape,
            o.RateLimitWindowSeconds,
            o.RateLimitHeaders,
            o.OmitUsage);
        Validate(config);
        _current = config;
    }

    public SimulatorConfig Current => _current;

    /// <exception cref="ArgumentException">A value is out of range; nothing changes.</exception>
    public SimulatorConfig Apply(SimulatorConfigUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_writeLock)
        {
            var current = _current;
            var deployments = update.ResetDeployments
                ? new Dictionary<string, DeploymentConfig>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, DeploymentConfig>(current.Deployments, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, deployment) in update.Deployments ?? [])
            {
                deployments[name] = deployment;
            }

            var next = new SimulatorConfig(
                string.IsNullOrEmpty(update.ApiKey) ? current.ApiKey : update.ApiKey,
                update.LatencyMs ?? current.LatencyMs,
                update.LatencyJitterMs ?? current.LatencyJitterMs,
                update.DefaultTokensPerMinute ?? current.DefaultTokensPerMinute,
                update.DefaultRequestsPerMinute ?? current.DefaultRequestsPerMinute,
                update.ContextWindow ?? current.ContextWindow,
                deployments,
                (update.ResetFaults ? FaultPolicy.Defaults : current.Faults).With(update.Faults),
                update.RateLimitShape ?? current.RateLimitShape,
                update.RateLimitWindowSeconds ?? current.RateLimitWindowSeconds,
                update.RateLimitHeaders ?? current.RateLimitHeaders,
                update.OmitUsage ?? current.OmitUsage);
            Validate(next);
            _current = next;
            return next;
        }
    }

    private static void Validate(SimulatorConfig config)
    {
        NotNegative(config.LatencyMs, "LatencyMs");
        NotNegative(config.LatencyJitterMs, "LatencyJitterMs");
        NotNegative(config.DefaultTokensPerMinute, "DefaultTokensPerMinute");
        NotNegative(config.DefaultRequestsPerMinute, "DefaultRequestsPerMinute");
        if (config.RateLimitWindowSeconds is <= 0 or > 60 || double.IsNaN(config.RateLimitWindowSeconds))
        {
            throw new ArgumentException("RateLimitWindowSeconds must be more than 0 and at most 60.", nameof(config));
        }

        if (!Enum.IsDefined(config.RateLimitShape) || !Enum.IsDefined(config.RateLimitHeaders))
        {
            throw new ArgumentException("RateLimitShape must be Window or Bucket, and RateLimitHeaders Azure or OpenAI.", nameof(config));
        }

        if (config.ContextWindow <= 0)
        {
            throw new ArgumentException("ContextWindow must be positive.", nameof(config));
        }

        config.Faults.Validate("Faults");
        foreach (var (name, deployment) in config.Deployments)
        {
            NotNegative(deployment.TokensPerMinute ?? 0, $"Deployments:{name}:TokensPerMinute");
            NotNegative(deployment.RequestsPerMinute ?? 0, $"Deployments:{name}:RequestsPerMinute");
            config.FaultsFor(name).Validate($"Deployments:{name}:Faults");
        }
    }

    private static void NotNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{name} must not be negative.", name);
        }
    }
}
