using FunctionsBatch.Simulator.Configuration;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.Simulator.Tests.Configuration;

public sealed class SimulatorSettingsTests
{
    [Fact]
    public void LimitsFor_PartialDeploymentOverride_FallsBackToDefaults()
    {
        var settings = new SimulatorSettings(Options.Create(new SimulatorOptions
        {
            DefaultTokensPerMinute = 1000,
            DefaultRequestsPerMinute = 10,
            Deployments = { ["gpt-4o"] = new DeploymentOptions { TokensPerMinute = 50, Model = "gpt-4o-2024-08-06" } },
        }));

        Assert.Equal(new RateLimits(50, 10), settings.Current.LimitsFor("GPT-4O"));
        Assert.Equal(new RateLimits(1000, 10), settings.Current.LimitsFor("other"));
        Assert.Equal("gpt-4o-2024-08-06", settings.Current.ModelFor("gpt-4o"));
        Assert.Equal("other", settings.Current.ModelFor("other"));
    }

    [Fact]
    public void Apply_NegativeValue_ThrowsAndKeepsCurrent()
    {
        var settings = new SimulatorSettings(Options.Create(new SimulatorOptions { LatencyMs = 5 }));

        Assert.Throws<ArgumentException>(() => settings.Apply(new SimulatorConfigUpdate(LatencyMs: 10, LatencyJitterMs: -1)));
        Assert.Equal(5, settings.Current.LatencyMs);
    }

    [Fact]
    public void Apply_ResetDeployments_DropsOverridesBeforeAddingNew()
    {
        var settings = new SimulatorSettings(Options.Create(new SimulatorOptions
        {
            Deployments = { ["a"] = new DeploymentOptions { RequestsPerMinute = 1 } },
        }));

        var config = settings.Apply(new SimulatorConfigUpdate(ResetDeployments: true, Deployments: new() { ["b"] = new DeploymentConfig(5, null, null) }));

        Assert.Equal(["b"], config.Deployments.Keys);
        Assert.Equal("sim-key", config.ApiKey);
    }
}
