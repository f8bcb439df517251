namespace FunctionsBatch.Orchestration.Tests;

/// <summary>The in-memory durable host paces activities by processor count; orchestration.runsettings raises it.</summary>
public sealed class TestEnvironmentTests
{
    [Fact]
    public void ProcessorCount_UnderTheProjectRunSettings_IsRaisedForTheDurableTestHost() =>
        Assert.Equal(64, Environment.ProcessorCount);
}
