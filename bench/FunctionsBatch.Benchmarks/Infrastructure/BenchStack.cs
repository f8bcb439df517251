using System.Globalization;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>
/// The local stack as separate processes on free ports, the way the integration tests start it: Azurite (from
/// node_modules, in-memory), the Azure OpenAI simulator and the local durable host, each with its own log.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    public const string FunctionKey = "bench-key";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Dictionary<string, string> _hostSettings;
    private readonly List<ServiceProcess> _hosts = [];
    private ServiceProcess? _azurite;
    private ServiceProcess? _simulator;

    private BenchStack(string name, string logDirectory, IReadOnlyDictionary<string, string> hostSettings)
    {
        Name = name;
        LogDirectory = logDirectory;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
        SimulatorPort = FreePort.Next();
        HostPort = FreePort.Next();
        StorageConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
        _hostSettings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = StorageConnectionString,
            ["AzureOpenAI__Endpoint"] = SimulatorUrl,
            ["AzureOpenAI__ApiKey"] = "sim-key",
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["FunctionsBatch__ContentRoot"] = RepoPaths.Root,
            ["DurableTask__HubName"] = "Bench" + Guid.NewGuid().ToString("N")[..12],
            ["DurableTask__MaxQueuePollingIntervalSeconds"] = "1",
            ["NightlySchedule"] = string.Empty,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__DurableTask"] = "Warning",
            ["Logging__LogLevel__Microsoft"] = "Warning",
        };
        foreach (var (key, value) in hostSettings)
        {
            _hostSettings[key] = value;
        }

        Host = new HostApi(HostUrl, FunctionKey);
        Simulator = new SimulatorApi(SimulatorUrl);
    }

    public string Name { get; }

    public string LogDirectory { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int SimulatorPort { get; }

    public int HostPort { get; }

    public string StorageConnectionString { get; }

    public string SimulatorUrl => $"http://127.0.0.1:{SimulatorPort}";

    public string HostUrl => $"http://127.0.0.1:{HostPort}";

    public HostApi Host { get; }

    public SimulatorApi Simulator { get; }

    public ServiceProcess HostProcess => _hosts[^1];

    public ServiceProcess SimulatorProcess => _simulator!;

    public ServiceProcess AzuriteProcess => _azurite!;

    public IReadOnlyDictionary<string, string> HostSettings => _hostSettings;

    public static async Task<BenchStack> StartAsync(
        string name, IReadOnlyDictionary<string, string> hostSettings, IReadOnlyDictionary<string, string> simulatorSettings)
    {
        var logs = Path.Combine(BenchPaths.BenchData, "logs", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}");
        var stack = new BenchStack(name, logs, hostSettings);
        try
        {
            stack.StartAzurite();
            stack.StartSimulator(simulatorSettings);
            await WaitForAsync($"http://127.0.0.1:{stack.BlobPort}/", "Azurite", any: true).ConfigureAwait(false);
            await WaitForAsync($"{stack.SimulatorUrl}/healthz", "simulator").ConfigureAwait(false);
            await stack.StartHostAsync().ConfigureAwait(false);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts (another) local host process on the task hub and waits until it serves; another port makes it a second host beside the first.</summary>
    public async Task StartHostAsync(int? port = null)
    {
        var url = port is { } p ? $"http://127.0.0.1:{p}" : HostUrl;
        var log = Path.Combine(LogDirectory, $"host-{_hosts.Count}.log");
        _hosts.Add(ServiceProcess.Start(
            "localhost",
            "dotnet",
            [RepoPaths.ServiceDll("FunctionsBatch.LocalHost"), "--urls", url],
            _hostSettings,
            log));
        await WaitForAsync($"{url}/healthz", "local host").ConfigureAwait(false);
    }

    /// <summary>CPU seconds and memory of the three services now.</summary>
    public StackSample Sample() => new(ProcessSample.Of(HostProcess), ProcessSample.Of(SimulatorProcess), ProcessSample.Of(AzuriteProcess), SystemCpu.BusySeconds());

    public async ValueTask DisposeAsync()
    {
        // Host first: with storage gone it cannot stop cleanly.
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _simulator?.Dispose();
        _azurite?.Dispose();
        Host.Dispose();
        Simulator.Dispose();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void StartAzurite()
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}; run 'npm ci' in the repository root.");
        }

        Directory.CreateDirectory(LogDirectory);
        _azurite = ServiceProcess.Start(
            "azurite",
            RepoPaths.Azurite,
            ["--silent", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
             "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
             "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
             "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["NODE_OPTIONS"] = "--max-old-space-size=12288" },
            Path.Combine(LogDirectory, "azurite.log"),
            LogDirectory);
    }

    private void StartSimulator(IReadOnlyDictionary<string, string> settings)
    {
        _simulator = ServiceProcess.Start(
            "simulator",
            "dotnet",
            [RepoPaths.ServiceDll("FunctionsBatch.Simulator"), "--urls", SimulatorUrl],
            settings,
            Path.Combine(LogDirectory, "simulator.log"));
    }

    private static async Task WaitForAsync(string url, string what, bool any = false)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url)).ConfigureAwait(false);
                if (any || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"The {what} did not answer at {url} within 90 s.");
    }
}
