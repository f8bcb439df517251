using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Functions.Tests;

public sealed partial class HostSettingsTests
{
    private const string HostJson = "RepoRoot/host.json";
    private const string LocalSettingsSample = "RepoRoot/local.settings.sample.json";

    public static TheoryData<string> RequiredSettings => new()
    {
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "NightlySchedule",
        "DurableTaskHubName",
        "DurableTask__HubName",
        "DurableTask__PartitionCount",
        "AzureOpenAI__Endpoint",
        "AzureOpenAI__ApiKey",
        "FunctionsBatch__JobsPath",
    };

    [Fact]
    public void HostJson_Parsed_IsVersion2WithDurableTaskSettings()
    {
        using var host = TestFiles.ReadJson(HostJson);
        var root = host.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), out var timeout) && timeout <= TimeSpan.FromMinutes(10), "functionTimeout must fit the Consumption plan's 10 minute cap");

        // Isolated apps bring their extensions through worker packages; a bundle would load a second copy.
        Assert.False(root.TryGetProperty("extensionBundle", out _));

        var durable = root.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("%DurableTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal(4, durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.False(durable.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void LocalSettingsSample_Parsed_NamesSetting(string name)
    {
        using var settings = TestFiles.ReadJson(LocalSettingsSample);

        Assert.False(settings.RootElement.GetProperty("IsEncrypted").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(settings.RootElement.GetProperty("Values").GetProperty(name).GetString()));
    }

    [Fact]
    public void LocalSettingsSample_Values_RunTheIsolatedWorkerNightlyOnAValidHub()
    {
        using var settings = TestFiles.ReadJson(LocalSettingsSample);
        var values = settings.RootElement.GetProperty("Values");

        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        NightlySchedule.Parse(values.GetProperty("NightlySchedule").GetString()!);
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", values.GetProperty("DurableTaskHubName").GetString());
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", values.GetProperty("DurableTask__HubName").GetString());
    }

    [Fact]
    public void Settings_ReferencedAsPercentTokens_AreAllInTheSample()
    {
        using var settings = TestFiles.ReadJson(LocalSettingsSample);
        var values = settings.RootElement.GetProperty("Values");
        var referenced = SettingToken().Matches(File.ReadAllText(TestFiles.PathOf(HostJson)) + File.ReadAllText(TestFiles.PathOf("FunctionsApp/functions.metadata")))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToArray();

        Assert.Contains("NightlySchedule", referenced);
        Assert.Contains("DurableTaskHubName", referenced);
        Assert.All(referenced, name => Assert.True(values.TryGetProperty(name, out _), $"'%{name}%' is used but not in local.settings.sample.json"));
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingToken();
}
