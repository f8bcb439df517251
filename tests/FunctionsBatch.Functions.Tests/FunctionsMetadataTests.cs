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

    public static TheoryData<string, string> ActivityFunctions => Wrappers(FunctionsBatchTasks.Activities);

    public static TheoryData<string, string> OrchestratorFunctions => Wrappers(FunctionsBatchTasks.Orchestrators);

    [Fact]
    public void Metadata_AppBuilt_ListsTheHttpTimerAndDurableFunctionsAndNothingElse()
    {
        using var metadata = TestFiles.ReadJson(MetadataFile);

        var names = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        var expected = HttpFunctions.Select(row => (string)row[0])
            .Append(nameof(NightlyTimerFunction.NightlyTimer))
            .Concat(FunctionsBatchTasks.Orchestrators.Concat(FunctionsBatchTasks.Activities).Select(task => task.Name));
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        Assert.Equal(21, names.Count());
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

    /// <summary>Each task's thin wrapper: <c>{Task}Function.RunAsync</c> in the Functions app, named after the task.</summary>
    private static TheoryData<string, string> Wrappers(IEnumerable<Type> tasks)
    {
        var data = new TheoryData<string, string>();
        foreach (var task in tasks)
        {
            var wrapper = typeof(BatchRunOrchestratorFunction).Assembly.GetType($"{typeof(BatchRunOrchestratorFunction).Namespace}.{task.Name}Function")
                ?? throw new InvalidOperationException($"{task.Name} has no Functions wrapper {task.Name}Function");
            data.Add(task.Name, EntryPoint(wrapper, nameof(BatchRunOrchestratorFunction.RunAsync)));
        }

        return data;
    }

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
