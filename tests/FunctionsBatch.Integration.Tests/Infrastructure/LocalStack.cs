using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using FunctionsBatch.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>
/// The whole local stack as separate processes on free ports: Azurite (from node_modules), the Azure OpenAI
/// simulator and the local durable host. Each stack gets its own task hub and storage folder.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    public const string FunctionKey = "integration-test-key";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Dictionary<string, string> _hostSettings;
    private readonly List<ServiceProcess> _hosts = [];
    private readonly List<ExtraHost> _extraHosts = [];
    private ServiceProcess? _azurite;
    private ServiceProcess? _simulator;

    private LocalStack(string name, IReadOnlyDictionary<string, string> hostSettings)
    {
        Name = name;
        WorkDirectory = Path.Combine(Path.GetTempPath(), "functionsbatch-tests", $"{name[..Math.Min(name.Length, 27)]}-{Guid.NewGuid().ToString("N")[..12]}");
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
            ["AzureOpenAI__BaseDelayMilliseconds"] = "100",
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["FunctionsBatch__ContentRoot"] = RepoPaths.Root,
            ["DurableTask__HubName"] = "Test" + Guid.NewGuid().ToString("N")[..12],
            ["DurableTask__ControlQueueVisibilityTimeoutSeconds"] = "20",
            ["DurableTask__WorkItemQueueVisibilityTimeoutSeconds"] = "20",
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

        Http = new HttpClient { BaseAddress = new Uri(HostUrl), Timeout = TimeSpan.FromSeconds(100) };
        Http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        Simulator = new HttpClient { BaseAddress = new Uri(SimulatorUrl) };
        Tables = new TableServiceClient(StorageConnectionString);
    }

    public string Name { get; }

    public string WorkDirectory { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int SimulatorPort { get; }

    public int HostPort { get; }

    public string StorageConnectionString { get; }

    public string SimulatorUrl => $"http://127.0.0.1:{SimulatorPort}";

    public string HostUrl => $"http://127.0.0.1:{HostPort}";

    /// <summary>Talks to the local host with the function key.</summary>
    public HttpClient Http { get; }

    public HttpClient Simulator { get; }

    public TableServiceClient Tables { get; }

    public ServiceProcess Host => _hosts[^1];

    /// <summary>The log file of <see cref="Host"/> (the process on <see cref="HostPort"/> started last).</summary>
    public string HostLogPath { get; private set; } = string.Empty;

    /// <summary>The hosts started with <see cref="StartExtraHostAsync"/>, in start order.</summary>
    public IReadOnlyList<ExtraHost> ExtraHosts => _extraHosts;

    public string TaskHubName => _hostSettings["DurableTask__HubName"];

    public int PartitionCount => _hostSettings.TryGetValue("DurableTask__PartitionCount", out var count)
        ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)
        : 4;

    public static async Task<LocalStack> StartAsync(string name, IReadOnlyDictionary<string, string>? hostSettings = null, IReadOnlyDictionary<string, string>? simulatorSettings = null)
    {
        var stack = new LocalStack(name, hostSettings ?? new Dictionary<string, string>());
        try
        {
            stack.StartAzurite();
            stack.StartSimulator(simulatorSettings ?? new Dictionary<string, string>());
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

    /// <summary>The app's own services (staging, sources, export) against this stack's storage, for tests that call them directly.</summary>
    public ServiceProvider AppServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = StorageConnectionString,
                ["AzureOpenAI:Endpoint"] = SimulatorUrl,
                ["AzureOpenAI:ApiKey"] = "sim-key",
            })
            .Build();
        return new ServiceCollection().AddLogging().AddFunctionsBatch(configuration, RepoPaths.Root).BuildServiceProvider();
    }

    /// <summary>Starts (another) local host process on the shared task hub and waits until it serves.</summary>
    public async Task StartHostAsync()
    {
        var log = Path.Combine(WorkDirectory, $"host-{_hosts.Count}.log");
        HostLogPath = log;
        _hosts.Add(ServiceProcess.Start(
            "localhost",
            "dotnet",
            [RepoPaths.ServiceDll("FunctionsBatch.LocalHost"), "--urls", HostUrl],
            _hostSettings,
            log));
        await WaitForAsync($"{HostUrl}/healthz", "local host").ConfigureAwait(false);
    }

    /// <summary>
    /// Starts one more local host process on its own free port, sharing the task hub, storage and simulator of
    /// this stack: a scale-out worker next to <see cref="Host"/>. Unless <paramref name="hostSettings"/> says
    /// otherwise, its Durable WorkerId is the host's default (machine name + PID), so it differs from every other
    /// process. Returns once it serves <c>/healthz</c> (its Durable worker has started).
    /// </summary>
    public async Task<ExtraHost> StartExtraHostAsync(IReadOnlyDictionary<string, string>? hostSettings = null)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var log = Path.Combine(WorkDirectory, $"extra-host-{_extraHosts.Count}.log");
        var settings = new Dictionary<string, string>(_hostSettings);
        foreach (var (key, value) in hostSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var host = new ExtraHost(
            ServiceProcess.Start($"localhost-extra-{_extraHosts.Count}", "dotnet", [RepoPaths.ServiceDll("FunctionsBatch.LocalHost"), "--urls", url], settings, log),
            port,
            log);
        _extraHosts.Add(host);
        await WaitForAsync($"{url}/healthz", "extra local host").ConfigureAwait(false);
        return host;
    }

    /// <summary>
    /// Who holds each control-queue partition of the task hub right now, read from the Durable engine's partition
    /// table (<c>{hub}Partitions</c>: DurableTask.AzureStorage 2.11 uses its table partition manager by default):
    /// partition index → the owner's WorkerId, for partitions whose lease has not expired.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> PartitionOwnersAsync()
    {
        var controlQueue = new Regex($"^{Regex.Escape(TaskHubName.ToLowerInvariant())}-control-(\\d+)$", RegexOptions.CultureInvariant);
        var owners = new Dictionary<int, string>();
        try
        {
            await foreach (var lease in Tables.GetTableClient(TaskHubName + "Partitions").QueryAsync<TableEntity>().ConfigureAwait(false))
            {
                if (controlQueue.Match(lease.RowKey) is { Success: true } match
                    && lease.GetString("CurrentOwner") is { Length: > 0 } owner
                    && lease.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
                {
                    owners[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = owner;
                }
            }
        }
        catch (global::Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The task hub's tables are not created yet.
        }

        return owners;
    }

    /// <summary>The control-queue partition of an orchestration instance, as the Azure Storage provider computes it (FNV-1a of the id).</summary>
    public int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)PartitionCount);
    }

    /// <summary>The Durable WorkerId a host process logged when its worker started, or null before that.</summary>
    public static string? WorkerIdIn(string logPath)
    {
        var match = Regex.Match(ReadLog(logPath), @"Durable worker started: task hub \S+, worker (\S+), \d+ partitions", RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A service's log so far, read while the service still writes to it.</summary>
    public static string ReadLog(string logPath)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Kills Azurite and starts it again on the same ports and data folder: storage going away mid-run.</summary>
    public async Task RestartAzuriteAsync(TimeSpan downtime)
    {
        _azurite?.Dispose();
        await Task.Delay(downtime).ConfigureAwait(false);
        StartAzurite();
        await WaitForAsync($"http://127.0.0.1:{BlobPort}/", "Azurite", any: true).ConfigureAwait(false);
    }

    public async Task ConfigureSimulatorAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Simulator.PostAsync(new Uri("/sim/config", UriKind.Relative), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> SimulatorStatsAsync()
    {
        return await Simulator.GetFromJsonAsync<JsonElement>("/sim/stats").ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        foreach (var host in _extraHosts)
        {
            host.Dispose();
        }

        _simulator?.Dispose();
        _azurite?.Dispose();
        Http.Dispose();
        Simulator.Dispose();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void StartAzurite()
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}; run 'npm ci' in the repository root.");
        }

        _azurite = ServiceProcess.Start(
            "azurite",
            RepoPaths.Azurite,
            ["--silent", "--skipApiVersionCheck", "--loose", "--location", Path.Combine(WorkDirectory, "azurite"),
             "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string>(),
            Path.Combine(WorkDirectory, "azurite.log"));
    }

    private void StartSimulator(IReadOnlyDictionary<string, string> settings)
    {
        _simulator = ServiceProcess.Start(
            "simulator",
            "dotnet",
            [RepoPaths.ServiceDll("FunctionsBatch.Simulator"), "--urls", SimulatorUrl],
            settings,
            Path.Combine(WorkDirectory, "simulator.log"));
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

    /// <summary>A local host process started next to the stack's own host, on its own port.</summary>
    public sealed class ExtraHost : IDisposable
    {
        internal ExtraHost(ServiceProcess process, int port, string logPath)
        {
            Process = process;
            Port = port;
            LogPath = logPath;
            Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(100) };
            Http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        }

        public ServiceProcess Process { get; }

        public int Port { get; }

        public string Url => $"http://127.0.0.1:{Port}";

        public int Pid => Process.Pid;

        public string LogPath { get; }

        /// <summary>Talks to this host with the function key.</summary>
        public HttpClient Http { get; }

        /// <summary>The Durable WorkerId this process logged at start.</summary>
        public string? WorkerId => WorkerIdIn(LogPath);

        public bool HasExited => Process.HasExited;

        /// <summary>SIGKILL.</summary>
        public void Kill() => Process.Kill();

        public string ReadLog() => LocalStack.ReadLog(LogPath);

        public void Dispose()
        {
            Process.Dispose();
            Http.Dispose();
        }
    }
}
