using System.Reflection;
using System.Text.Json;
using FunctionsBatch.Functions.Durable;
using FunctionsBatch.Functions.Http;
using FunctionsBatch.Functions.Timers;
using FunctionsBatch.Orchestration;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Tests;

/// <summary>
/// Core Tools cannot run here, so the host's view of the app is checked through the functions.metadata the
/// Worker SDK generates at build time: what the host would index on <c>func start</c>.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private const string MetadataFile = "FunctionsApp/functions.metadata";

    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { nameof(StartRunFunction.StartRun), EntryPoint<StartRunFunction>(nameof(StartRunFunction.StartRun)), "post", "runs" },
        { nameof(GetRunFunction.GetRun), EntryPoint<GetRunFunction>(nameof(GetRunFunction.GetRun)), "get", "runs/{id}" },
        { nameof(CancelRunFunction.CancelRun), EntryPoint<CancelRunFunction>(nameof(CancelRunFunction.CancelRun)), "post", "runs/{id}/cancel" },
        { nameof(RetryFailedRunFunction.RetryFailedRun), EntryPoint<RetryFailedRunFunction>(nameof(RetryFailedRunFunction.RetryFailedRun)), "post", "runs/{id}/retry-failed" },
        { nameof(EstimateRunFunction.EstimateRun), EntryPoint<EstimateRunFunction>(nameof(EstimateRunFunction.EstimateRun)), "post", "runs/estimate" },
        { nameof(GetCostsFunction.GetCosts), EntryPoint<GetCostsFunction>(nameof(GetCostsFunction.GetCosts)), "get", "costs" },
        { nameof(GetRunResultsFunction.GetRunResults), EntryPoint<GetRunResultsFunction>(nameof(GetRunResultsFunction.GetRunResults)), "get", "runs/{id}/results" },
        { nameof(GetRunReportFunction.GetRunReport), EntryPoint<GetRunReportFunction>(nameof(GetRunReportFunction.GetRunReport)), "get", "runs/{id}/report" },
    };

    public static TheoryData<string, string> ActivityFunctions => new()
    {
        { nameof(StageInputActivity), EntryPoint<StageInputActivityFunction>(nameof(StageInputActivityFunction.RunAsync)) },
        { nameof(ProcessChunkActivity), EntryPoint<ProcessChunkActivityFunction>(nameof(ProcessChunkActivityFunction.RunAsync)) },
        { nameof(WriteRunCostActivity), EntryPoint<WriteRunCostActivityFunction>(nameof(WriteRunCostActivityFunction.RunAsync)) },
        { nameof(ExportResultsActivity), EntryPoint<ExportResultsActivityFunction>(nameof(ExportResultsActivityFunction.RunAsync)) },
        { nameof(SubmitBatchActivity), EntryPoint<SubmitBatchActivityFunction>(nameof(SubmitBatchActivityFunction.RunAsync)) },
        { nameof(GetBatchStatusActivity), EntryPoint<GetBatchStatusActivityFunction>(nameof(GetBatchStatusActivityFunction.RunAsync)) },
        { nameof(CancelBatchActivity), EntryPoint<CancelBatchActivityFunction>(nameof(CancelBatchActivityFunction.RunAsync)) },
        { nameof(CollectBatchActivity), EntryPoint<CollectBatchActivityFunction>(nameof(CollectBatchActivityFunction.RunAsync)) },
        { nameof(ProcessBatchLeftoversActivity), EntryPoint<ProcessBatchLeftoversActivityFunction>(nameof(ProcessBatchLeftoversActivityFunction.RunAsync)) },
    };

    [Fact]
    public void Metadata_AppBuilt_ListsExactlyTheTwentyOneFunctions()
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);

        var names = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                nameof(BatchRunOrchestrator), nameof(CancelRunFunction.CancelRun), nameof(ExportResultsActivity), nameof(ChunkGroupOrchestrator), nameof(EstimateRunFunction.EstimateRun), nameof(GetCostsFunction.GetCosts), nameof(GetRunFunction.GetRun),
                nameof(GetRunReportFunction.GetRunReport), nameof(GetRunResultsFunction.GetRunResults), nameof(NightlyTimerFunction.NightlyTimer), nameof(ProcessChunkActivity),
                nameof(RetryFailedRunFunction.RetryFailedRun), nameof(StageInputActivity), nameof(StartRunFunction.StartRun), nameof(WriteRunCostActivity),
                nameof(BatchChunkOrchestrator), nameof(SubmitBatchActivity), nameof(GetBatchStatusActivity), nameof(CancelBatchActivity),
                nameof(CollectBatchActivity), nameof(ProcessBatchLeftoversActivity),
            }.Order(StringComparer.Ordinal),
            names);
    }

    [Fact]
    public void Metadata_EveryFunction_IsIsolatedAndPointsAtAFunctionMethodOfThatName()
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);
        var assembly = typeof(StartRunFunction).Assembly;

        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Equal(assembly.GetName().Name + ".dll", function.GetProperty("scriptFile").GetString());

            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var split = entryPoint.LastIndexOf('.');
            var method = assembly.GetType(entryPoint[..split], throwOnError: true)!.GetMethod(entryPoint[(split + 1)..]);
            Assert.NotNull(method);
            Assert.Equal(name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        }
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void HttpFunction_Generated_HasRouteMethodFunctionKeyAndDurableClient(string name, string entryPoint, string method, string route)
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);
        var function = Find(metadata, name);

        Assert.Equal(entryPoint, function.GetProperty("entryPoint").GetString());
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        AssertDurableClient(function);
        Assert.Contains(Bindings(function), b => b.GetProperty("name").GetString() == "$return" && b.GetProperty("type").GetString() == "http");
    }

    [Fact]
    public void NightlyTimer_Generated_ReadsItsScheduleFromTheAppSetting()
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);
        var function = Find(metadata, nameof(NightlyTimerFunction.NightlyTimer));

        Assert.Equal(EntryPoint<NightlyTimerFunction>(nameof(NightlyTimerFunction.NightlyTimer)), function.GetProperty("entryPoint").GetString());
        var trigger = Trigger(function);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%NightlySchedule%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
        AssertDurableClient(function);
    }

    public static TheoryData<string, string> OrchestratorFunctions => new()
    {
        { nameof(BatchRunOrchestrator), EntryPoint(typeof(BatchRunOrchestratorFunction), nameof(BatchRunOrchestratorFunction.RunAsync)) },
        { nameof(ChunkGroupOrchestrator), EntryPoint(typeof(ChunkGroupOrchestratorFunction), nameof(ChunkGroupOrchestratorFunction.RunAsync)) },
        { nameof(BatchChunkOrchestrator), EntryPoint(typeof(BatchChunkOrchestratorFunction), nameof(BatchChunkOrchestratorFunction.RunAsync)) },
    };

    [Theory]
    [MemberData(nameof(OrchestratorFunctions))]
    public void Orchestrator_Generated_IsNamedAfterTheOrchestratorClass(string name, string entryPoint)
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);
        var function = Find(metadata, name);

        Assert.Equal(entryPoint, function.GetProperty("entryPoint").GetString());
        var binding = Assert.Single(Bindings(function));
        Assert.Equal("orchestrationTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
    }

    [Theory]
    [MemberData(nameof(ActivityFunctions))]
    public void Activity_Generated_IsNamedAsTheOrchestratorCallsIt(string name, string entryPoint)
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);
        var function = Find(metadata, name);

        Assert.Equal(entryPoint, function.GetProperty("entryPoint").GetString());
        var binding = Assert.Single(Bindings(function));
        Assert.Equal("activityTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
    }

    private static string EntryPoint<T>(string method) => EntryPoint(typeof(T), method);

    private static string EntryPoint(Type type, string method) => $"{type.FullName}.{method}";

    private static JsonElement Find(JsonDocument metadata, string name) =>
        Assert.Single(metadata.RootElement.EnumerateArray(), f => f.GetProperty("name").GetString() == name);

    private static JsonElement[] Bindings(JsonElement function) => function.GetProperty("bindings").EnumerateArray().ToArray();

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(Bindings(function), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static void AssertDurableClient(JsonElement function)
    {
        var client = Assert.Single(Bindings(function), b => b.GetProperty("type").GetString() == "durableClient");
        Assert.Equal("In", client.GetProperty("direction").GetString());
    }
}
