using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Intake;

/// <summary>
/// Producers fill a job's queue during the day; the nightly timer's run drains it. 1,000 messages: records (half
/// written base64, as Functions output bindings do), a few that fail for good at the model, and malformed ones. The
/// host is SIGKILLed mid-drain and started again: no message is lost, none is staged twice, the queue ends empty,
/// and the poison queue holds exactly the malformed messages and the records that failed.
/// </summary>
public sealed class QueueIntakeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Queue = "tickets-intake";
    private const string RunId = "tickets-intake-nightly-20261127";
    private const int Messages = 1000;
    private const int Blocked = 5;
    private const int NotJson = 5;
    private const int NoId = 5;
    private const int DuplicateIds = 5;

    /// <summary>Messages whose body or id holds a lone surrogate (a legal JSON escape that is not text).</summary>
    private const int NotText = 4;
    private const int Records = Messages - NotJson - NoId - DuplicateIds - NotText;
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(QueueIntakeTests),
        new Dictionary<string, string>
        {
            ["FunctionsBatch__JobsPath"] = Path.Combine(AppContext.BaseDirectory, "IntakeJobs"),
            // Slow enough to kill mid-drain: 16 messages per batch and a pause after each (about 10 s for 1,000).
            ["FunctionsBatch__Intake__BatchSize"] = "16",
            ["FunctionsBatch__Intake__BatchDelayMilliseconds"] = "120",
            ["FunctionsBatch__Intake__VisibilityTimeoutSeconds"] = "10",
            ["DurableTask__ControlQueueVisibilityTimeoutSeconds"] = "15",
            ["DurableTask__WorkItemQueueVisibilityTimeoutSeconds"] = "15",
            ["DurableTask__LeaseIntervalSeconds"] = "15",
            ["DurableTask__LeaseRenewIntervalSeconds"] = "5",
            ["DurableTask__LeaseAcquireIntervalSeconds"] = "5",
        });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task NightlyRun_HostKilledMidDrain_DrainsEveryMessageOnceAndPoisonsTheBadOnes()
    {
        var plain = new QueueClient(_stack.StorageConnectionString, Queue);
        var base64 = new QueueClient(_stack.StorageConnectionString, Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = new QueueClient(_stack.StorageConnectionString, Queue + "-poison");
        await plain.CreateIfNotExistsAsync();
        var recordIds = await EnqueueAsync(plain, base64);
        Assert.Equal(Messages, (await plain.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        var clock = Stopwatch.StartNew();
        using (var fired = await _stack.Http.PostAsync(new Uri("/admin/timers/nightly?fireTime=2026-11-27T02:00:00Z", UriKind.Relative), null))
        {
            Assert.True(fired.IsSuccessStatusCode, await fired.Content.ReadAsStringAsync());
        }

        var leftAtKill = await WaitForQueueBelowAsync(plain, Messages * 6 / 10, TimeSpan.FromMinutes(2));
        _stack.Host.Kill();
        var drainedBeforeKill = clock.Elapsed;
        Assert.True(leftAtKill > 0, "the drain finished before the kill; the test needs it mid-drain");
        await _stack.StartHostAsync();

        var status = await RunsClient.WaitForFinishAsync(_stack.Http, RunId, TimeSpan.FromMinutes(6));
        var runTime = clock.Elapsed;
        var progress = status.GetProperty("progress");
        var rows = await ResultRows.ReadAsync(_stack, RunId);
        var poisoned = await ReceiveAllAsync(poison);
        var distinctPoison = poisoned.DistinctBy(p => p.GetProperty("source").GetString() + ":" + (p.TryGetProperty("messageId", out var m) ? m.GetString() : p.GetProperty("recordId").GetString())).ToArray();
        var exported = await ExportedResults.ReadAsync(_stack, status);
        output.WriteLine(
            $"killed {drainedBeforeKill.TotalSeconds:F1} s after the timer with {leftAtKill} of {Messages} messages left; run finished after {runTime.TotalSeconds:F1} s; " +
            $"succeeded {progress.GetProperty("succeeded").GetInt32()}, failed {progress.GetProperty("failed").GetInt32()}, skipped {progress.GetProperty("skipped").GetInt32()}; " +
            $"result rows {rows.Count}; poison messages {poisoned.Count} ({distinctPoison.Length} distinct); queue left {(await plain.GetPropertiesAsync()).Value.ApproximateMessagesCount}");

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(0, (await plain.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(Records - Blocked, progress.GetProperty("succeeded").GetInt32());
        Assert.Equal(Blocked, progress.GetProperty("failed").GetInt32());
        Assert.Equal(Messages - Records, progress.GetProperty("skipped").GetInt32());
        Assert.Equal(Messages, progress.GetProperty("totalRecords").GetInt32());

        // Every record staged exactly once (one row each), every rejected message has its own row.
        Assert.Equal(Messages, rows.Count);
        var recordRows = rows.Where(r => !r.RowKey.StartsWith("message-", StringComparison.Ordinal)).Select(r => r.RowKey).Order(StringComparer.Ordinal);
        Assert.Equal(recordIds.Order(StringComparer.Ordinal), recordRows);
        Assert.Equal(Blocked, rows.Count(r => r.Status == "failed" && r.ErrorCode == "content_filter"));

        // The poison queue: each malformed message and each record that failed for good, with its reason.
        Assert.Equal(NotJson + NoId + NotText + DuplicateIds + Blocked, distinctPoison.Length);
        Assert.Equal(NotJson, distinctPoison.Count(p => p.GetProperty("code").GetString() == "invalid_message"));
        Assert.Equal(NoId + NotText, distinctPoison.Count(p => p.GetProperty("code").GetString() == "invalid_record"));
        Assert.Equal(NotText, distinctPoison.Count(p => p.GetProperty("reason").GetString()!.Contains("not valid Unicode text", StringComparison.Ordinal)));
        Assert.Equal(DuplicateIds, distinctPoison.Count(p => p.GetProperty("code").GetString() == "duplicate_id"));
        var failedRecords = distinctPoison.Where(p => p.GetProperty("source").GetString() == "run").ToArray();
        Assert.Equal(Blocked, failedRecords.Length);
        Assert.All(failedRecords, p => Assert.Contains("[[BLOCK]]", p.GetProperty("record").GetProperty("body").GetString(), StringComparison.Ordinal));
        Assert.All(distinctPoison, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("reason").GetString())));

        // The export holds one line per result row.
        Assert.Equal(Messages, exported.Count);
        Assert.Equal(Records - Blocked, exported.Count(e => e.GetProperty("status").GetString() == "succeeded"));
    }

    /// <summary>Enqueues the 1,000 messages in a shuffled order; returns the ids of the records among them.</summary>
    private static async Task<List<string>> EnqueueAsync(QueueClient plain, QueueClient base64)
    {
        var samples = RunsClient.ReadRecords("samples/tickets.jsonl");
        var messages = new List<(string Body, bool Encode)>();
        var ids = new List<string>();
        for (var i = 0; i < Records; i++)
        {
            var record = samples[i % samples.Count].DeepClone().AsObject();
            record["id"] = $"Q-{i:D4}";
            if (i % 197 == 0 && i / 197 < Blocked)
            {
                record["body"] = "[[BLOCK]] " + record["body"]!.GetValue<string>();
            }

            ids.Add(record["id"]!.GetValue<string>());
            messages.Add((record.ToJsonString(), i % 2 == 0));
        }

        messages.AddRange(Enumerable.Range(0, NotJson).Select(i => ($"this is not json {i}", false)));
        messages.AddRange(Enumerable.Range(0, NoId).Select(i => ($"{{\"subject\":\"no id {i}\",\"body\":\"b\"}}", i % 2 == 0)));
        messages.AddRange(Enumerable.Range(0, NotText).Select(i => (i % 2 == 0
            ? $"{{\"id\":\"T-{i}\",\"subject\":\"s\",\"body\":\"broken \\udc00 text\"}}"
            : $"{{\"id\":\"T-\\ud800{i}\",\"subject\":\"s\",\"body\":\"b\"}}", i < 2)));
        messages.AddRange(Enumerable.Range(0, DuplicateIds).Select(i => ($"{{\"id\":\"Q-{(i * 100) + 1:D4}\",\"subject\":\"again\",\"body\":\"b\"}}", false)));
        var random = new Random(20261127);
        foreach (var (body, encode) in messages.OrderBy(_ => random.Next()))
        {
            await (encode ? base64 : plain).SendMessageAsync(body);
        }

        return ids;
    }

    private static async Task<int> WaitForQueueBelowAsync(QueueClient queue, int below, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var count = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            if (count < below)
            {
                return count;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the queue did not drop below {below} messages within {timeout}");
    }

    private static async Task<List<JsonElement>> ReceiveAllAsync(QueueClient queue)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return all;
            }

            all.AddRange(batch.Select(m => JsonSerializer.Deserialize<JsonElement>(m.Body.ToString())));
        }
    }
}
