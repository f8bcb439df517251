using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsBatch.Benchmarks;
using FunctionsBatch.Benchmarks.Data;
using FunctionsBatch.Benchmarks.Infrastructure;
using FunctionsBatch.Benchmarks.Reporting;
using FunctionsBatch.Benchmarks.Scenarios;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var jsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = { new JsonStringEnumConverter() },
};

if (options.RenderFrom is { } renderFrom)
{
    var earlier = JsonSerializer.Deserialize<BenchReport>(await File.ReadAllTextAsync(renderFrom), jsonOptions)
                  ?? throw new InvalidOperationException($"{renderFrom} holds no report");
    var overheadResult = earlier.Overhead is { } o ? o with { Cores = o.Cores > 0 ? o.Cores : earlier.Machine.LogicalCores } : null;
    // The same rule as ActivityWindow: a contender done within the starting bucket has no steady state.
    var quotaResult = earlier.Quota is { } q
        ? q with { Contenders = q.Contenders.Select(c => c.WindowSeconds < ActivityWindow.StartingBucketSeconds ? c with { SteadyQuotaUse = null } : c).ToArray() }
        : null;
    earlier = earlier with { Quota = quotaResult, Overhead = overheadResult, Figures = Figures.From(quotaResult, overheadResult, earlier.Resume) };
    var directory = Path.GetDirectoryName(Path.GetFullPath(renderFrom))!;
    await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(earlier, jsonOptions) + "\n");
    await File.WriteAllTextAsync(Path.Combine(directory, "results.md"), MarkdownReport.Render(earlier));
    Console.WriteLine($"re-rendered {Path.Combine(directory, "results.md")}");
    return 0;
}

// Ctrl+C or SIGTERM ends the process without running disposals: take the services down with it.
Console.CancelKeyPress += (_, _) => ServiceProcess.KillAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => ServiceProcess.KillAll();

var clock = Stopwatch.StartNew();
var started = DateTime.UtcNow;
void Log(string message) => Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {message}");

// Durable Task settings shared by the throughput scenarios: fast polling, enough activity slots for the window.
var throughputHost = new Dictionary<string, string>
{
    ["DurableTask__MaxQueuePollingIntervalSeconds"] = "1",
    ["DurableTask__MaxConcurrentActivities"] = "100",
    ["DurableTask__MaxConcurrentOrchestrations"] = "100",
    ["DurableTask__PartitionCount"] = "4",
};
foreach (var (key, value) in options.HostSettings)
{
    throughputHost[key] = value;
}

var quick = options.Quick;
var errors = new List<string>();
QuotaResult? quota = null;
OverheadResult? overhead = null;
ResumeResult? resume = null;
Log($"machine: {Environment.ProcessorCount} cores; mode {(quick ? "quick" : "full")}; scenarios {string.Join(",", options.Scenarios)}");

if (options.Scenarios.Contains("quota"))
{
    // The shipped job and its default chunking, fresh answers every time (no ledger hits between contenders).
    var spec = new BenchSpec(ChunkSize: 100, MaxParallelChunks: 16, MaxConcurrentRequestsPerChunk: 16, ChunksPerGroup: 200, MaxOutputTokens: 100, Reprocess: true);
    var tokensPerMinute = options.QuotaTokensPerMinute ?? 1_200_000;
    var parameters = new QuotaParameters(
        Records: options.QuotaRecords ?? (quick ? 2_000 : 5_000),
        TokensPerMinute: tokensPerMinute,
        RequestsPerMinute: tokensPerMinute / 100,
        LatencyMs: 200,
        Spec: spec,
        BurstSeconds: options.BurstSeconds ?? 1,
        BaselineParallelism: spec.InFlightCap,
        SequentialCapSeconds: quick ? 20 : 30,
        Shapes: options.QuotaShapes ?? ["Window", "Bucket"],
        Contenders: options.QuotaContenders);
    quota = await Attempt("quota", () => new QuotaScenario(parameters, Log).RunAsync());
}

if (options.Scenarios.Contains("overhead"))
{
    var spec = new BenchSpec(
        ChunkSize: options.ChunkSize ?? 1000,
        MaxParallelChunks: options.ParallelChunks ?? 4,
        MaxConcurrentRequestsPerChunk: options.Concurrency ?? 32,
        ChunksPerGroup: 200,
        MaxOutputTokens: 200,
        Reprocess: !options.LedgerLookups);
    var sizes = options.Sizes ?? (quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
    IReadOnlyList<int> defaultSpecSizes = options.Sizes is not null || options.LedgerLookups ? [] : quick ? [10_000] : [10_000, 100_000];
    overhead = await Attempt("overhead", () => new OverheadScenario(new OverheadParameters(sizes, spec, defaultSpecSizes, throughputHost), Log).RunAsync());
}

if (options.Scenarios.Contains("resume"))
{
    var spec = new BenchSpec(ChunkSize: 500, MaxParallelChunks: 8, MaxConcurrentRequestsPerChunk: 32, ChunksPerGroup: 200, MaxOutputTokens: 200);
    var resumeHost = new Dictionary<string, string>(throughputHost)
    {
        ["DurableTask__ControlQueueVisibilityTimeoutSeconds"] = "15",
        ["DurableTask__WorkItemQueueVisibilityTimeoutSeconds"] = "15",
        ["DurableTask__LeaseIntervalSeconds"] = "15",
        ["DurableTask__LeaseRenewIntervalSeconds"] = "5",
        ["DurableTask__LeaseAcquireIntervalSeconds"] = "5",
    };
    resume = await Attempt("resume", () => new ResumeScenario(new ResumeParameters(20_000, 0.45, 200, spec, resumeHost), Log).RunAsync());
}

var report = new BenchReport(
    options.CommandLine,
    quick ? "quick" : "full",
    started,
    Math.Round(clock.Elapsed.TotalMinutes, 1),
    MachineInfo.Collect(RepoPaths.Root),
    Figures.From(quota, overhead, resume),
    quota,
    overhead,
    resume,
    errors);

var outputDirectory = Path.GetFullPath(options.OutputDirectory, RepoPaths.Root);
Directory.CreateDirectory(outputDirectory);
var json = JsonSerializer.Serialize(report, jsonOptions);
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "results.json"), json + "\n");
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "results.md"), MarkdownReport.Render(report));
Log($"wrote {Path.Combine(outputDirectory, "results.md")} and results.json");
foreach (var figure in report.Figures)
{
    Console.WriteLine($"  {figure.Scenario,-8} {figure.Name}: {figure.Value:0.####} {figure.Unit}{(figure.Target is null ? string.Empty : $" (target {figure.Target}: {(figure.Met == true ? "met" : "MISSED")})")}");
}

return errors.Count == 0 ? 0 : 1;

async Task<T?> Attempt<T>(string scenario, Func<Task<T>> run) where T : class
{
    try
    {
        return await run();
    }
#pragma warning disable CA1031 // one scenario's failure is reported in the results; the others still run
    catch (Exception ex)
#pragma warning restore CA1031
    {
        errors.Add($"{scenario}: {ex.GetType().Name}: {ex.Message}");
        Log($"{scenario} failed: {ex}");
        return null;
    }
}
