using System.Net;
using Azure.Data.Tables;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Runs;

/// <summary>The nightly timer: its run id comes from job and date, so firing twice on one night starts one run.</summary>
public sealed class NightlyTimerTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(NightlyTimerTests),
        new Dictionary<string, string> { ["FunctionsBatch__JobsPath"] = Path.Combine(AppContext.BaseDirectory, "TestJobs") });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task NightlyTimer_FiredTwiceSameNight_StartsOneRunThatProcessesTheJobInput()
    {
        const string fireTime = "2026-11-27T02:00:00Z";
        using var first = await _stack.Http.PostAsync(new Uri($"/admin/timers/nightly?fireTime={fireTime}", UriKind.Relative), null);
        using var second = await _stack.Http.PostAsync(new Uri($"/admin/timers/nightly?fireTime={fireTime}", UriKind.Relative), null);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());

        const string runId = "nightly-small-nightly-20261127";
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(50, status.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var sim = await _stack.SimulatorStatsAsync();
        Assert.Equal(50, sim.GetProperty("requests").GetInt64());
        var costRows = _stack.Tables.GetTableClient(StorageClients.CostsTable)
            .QueryAsync<RunCostEntity>(TableClient.CreateQueryFilter($"Job eq {"nightly-small"}"));
        var runTotals = 0;
        await foreach (var row in costRows)
        {
            Assert.Equal(runId, row.PartitionKey);
            runTotals += row.RowKey == RunCostEntity.RunRowKey ? 1 : 0;
        }

        // One run: one run-total row (beside it, the run's model × mode rows in the same partition).
        Assert.Equal(1, runTotals);
    }

    [Fact]
    public async Task NightlyTimer_WithoutKey_IsRejected()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_stack.HostUrl) };
        using var response = await anonymous.PostAsync(new Uri("/admin/timers/nightly", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
