using FunctionsBatch.Simulator.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.Simulator.Tests.Configuration;

public sealed class FaultSettingsTests
{
    [Fact]
    public void Bind_DefaultAndDeploymentFaults_DeploymentOverridesFieldByField()
    {
        var settings = Bind(new Dictionary<string, string?>
        {
            ["Simulator:Faults:ThrottleRate"] = "0.25",
            ["Simulator:Faults:RetryAfterMs"] = "50",
            ["Simulator:Faults:ContentFilterMarker"] = "<<NOPE>>",
            ["Simulator:Deployments:flaky:Faults:ServerErrorRate"] = "0.5",
            ["Simulator:Deployments:flaky:Faults:ServerErrorStatus"] = "503",
            ["Simulator:Deployments:flaky:Faults:FailFirstAttempts"] = "2",
        });

        var flaky = settings.Current.FaultsFor("FLAKY");
        var other = settings.Current.FaultsFor("other");

        Assert.Equal(0.25, flaky.ThrottleRate);
        Assert.Equal(0.5, flaky.ServerErrorRate);
        Assert.Equal(503, flaky.ServerErrorStatus);
        Assert.Equal(2, flaky.FailFirstAttempts);
        Assert.Equal(50, flaky.RetryAfterMs);
        Assert.Equal("<<NOPE>>", flaky.ContentFilterMarker);
        Assert.Equal(0, other.ServerErrorRate);
        Assert.Equal(1, other.FailFirstAttempts);
        Assert.Equal(65_000, other.SlowMs);
        Assert.Equal("[[BADJSON]]", other.SchemaViolationMarker);
    }

    [Fact]
    public void Bind_EmptyMarker_DisablesIt()
    {
        var settings = Bind(new Dictionary<string, string?> { ["Simulator:Faults:ServerErrorOnceMarker"] = string.Empty });

        Assert.Equal(string.Empty, settings.Current.Faults.ServerErrorOnceMarker);
        Assert.DoesNotContain(string.Empty, settings.Current.Faults.TransientMarkers);
        Assert.Equal(5, settings.Current.Faults.TransientMarkers.Count());
    }

    [Theory]
    [InlineData("Simulator:Faults:ThrottleRate", "1.5")]
    [InlineData("Simulator:Faults:ServerErrorStatus", "404")]
    [InlineData("Simulator:Faults:FailFirstAttempts", "0")]
    [InlineData("Simulator:Faults:SlowMs", "-1")]
    [InlineData("Simulator:Deployments:x:Faults:ResetRate", "-0.1")]
    public void Bind_OutOfRange_Throws(string key, string value) =>
        Assert.Throws<ArgumentException>(() => Bind(new Dictionary<string, string?> { [key] = value }));

    [Fact]
    public void Apply_RatesAddingUpPastOne_ThrowsAndKeepsCurrent()
    {
        var settings = Bind([]);

        Assert.Throws<ArgumentException>(() => settings.Apply(new SimulatorConfigUpdate(Faults: new FaultConfig { ThrottleRate = 0.6, ResetRate = 0.6 })));
        Assert.Equal(0, settings.Current.Faults.ThrottleRate);
    }

    [Fact]
    public void Apply_FaultsUpdate_ChangesOnlyGivenFieldsAndResetFaultsRestoresDefaults()
    {
        var settings = Bind(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "10" });

        var changed = settings.Apply(new SimulatorConfigUpdate(Faults: new FaultConfig { ThrottleAll = true }));
        var reset = settings.Apply(new SimulatorConfigUpdate(ResetFaults: true, Faults: new FaultConfig { TruncatedRate = 0.1 }));

        Assert.True(changed.Faults.ThrottleAll);
        Assert.Equal(10, changed.Faults.SlowMs);
        Assert.False(reset.Faults.ThrottleAll);
        Assert.Equal(65_000, reset.Faults.SlowMs);
        Assert.Equal(0.1, reset.Faults.TruncatedRate);
    }

    private static SimulatorSettings Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section));
        using var provider = services.BuildServiceProvider();
        return new SimulatorSettings(provider.GetRequiredService<IOptions<SimulatorOptions>>());
    }
}
