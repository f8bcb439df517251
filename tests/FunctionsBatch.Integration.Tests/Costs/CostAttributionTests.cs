using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Costs;

/// <summary>Estimates before spending, and cost rows summed by tag, prompt version and model.</summary>
public sealed class CostAttributionTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(CostAttributionTests));

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task EstimateThenRuns_PromptTokensMatchTheSimulatorAndCostsGroupByTags()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl");
        var contoso = JobSpecs.Classify(chunkSize: 50, maxParallelChunks: 4);
        var fabrikam = JobSpecs.Classify(chunkSize: 50, maxParallelChunks: 4);
        fabrikam["tags"] = new JsonObject { ["tenant"] = "fabrikam", ["feature"] = "returns" };
        fabrikam["promptVersion"] = "2026-12-01.1";

        var first = Body(contoso, records.Take(300));
        using var estimateResponse = await RunsClient.PostJsonAsync(_stack.Http, "/api/runs/estimate", first);
        var estimate = await estimateResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, estimateResponse.StatusCode);
        await _stack.Simulator.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);
        var firstRun = await RunAndWaitAsync(first);
        var sim = await _stack.SimulatorStatsAsync();
        Assert.Equal(sim.GetProperty("promptTokens").GetInt64(), estimate.GetProperty("promptTokens").GetInt64());
        Assert.Equal(300L * 200, estimate.GetProperty("maxOutputTokens").GetInt64());
        var firstCost = await ResultRows.CostAsync(_stack, firstRun);
        Assert.InRange(firstCost.CostMicros, estimate.GetProperty("minCostMicros").GetInt64(), estimate.GetProperty("maxCostMicros").GetInt64());

        var secondRun = await RunAndWaitAsync(Body(fabrikam, records.Skip(300).Take(200)));
        var thirdRun = await RunAndWaitAsync(Body(contoso, records.Skip(500).Take(100)));
        var costs = new[] { firstCost, await ResultRows.CostAsync(_stack, secondRun), await ResultRows.CostAsync(_stack, thirdRun) };

        var byTenant = await CostsAsync("tenant");
        Assert.Equal(costs.Sum(c => c.CostMicros), byTenant.GetProperty("totalCostMicros").GetInt64());
        var tenants = byTenant.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Equal((2, 400), (tenants["contoso"].GetProperty("runs").GetInt32(), tenants["contoso"].GetProperty("records").GetInt32()));
        Assert.Equal(costs[0].CostMicros + costs[2].CostMicros, tenants["contoso"].GetProperty("costMicros").GetInt64());
        Assert.Equal(costs[1].InputTokens, tenants["fabrikam"].GetProperty("inputTokens").GetInt64());
        var versions = (await CostsAsync("promptVersion")).GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).Order();
        Assert.Equal(["2026-11-27.1", "2026-12-01.1"], versions);
        var models = (await CostsAsync("mode")).GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("runs").GetInt32()));
        Assert.Equal([("online", 3)], models);

        using var bad = await _stack.Http.GetAsync(new Uri("/api/costs?groupBy=colour", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var empty = await _stack.Http.GetAsync(new Uri("/api/costs?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z", UriKind.Relative));
        Assert.Equal(0, (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups").GetArrayLength());
    }

    private static JsonObject Body(JsonObject spec, IEnumerable<JsonObject> records) => new()
    {
        ["spec"] = spec.DeepClone(),
        ["records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()),
    };

    private async Task<string> RunAndWaitAsync(JsonObject body)
    {
        var runId = await RunsClient.StartAsync(_stack.Http, body);
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));
        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        return runId;
    }

    private async Task<JsonElement> CostsAsync(string groupBy) =>
        await _stack.Http.GetFromJsonAsync<JsonElement>($"/api/costs?groupBy={groupBy}");
}
