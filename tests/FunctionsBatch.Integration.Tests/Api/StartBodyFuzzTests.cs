using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Api;

/// <summary>
/// Start bodies with one hostile value planted somewhere (ids, fields, paths, containers, queues, spec values): the
/// host answers each with 2xx or 4xx, never 5xx, and stays healthy throughout.
/// </summary>
public sealed class StartBodyFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 240;

    /// <summary>Stands for a lone surrogate: a JsonNode cannot hold one, so it is put in the text after writing.</summary>
    private const string LoneSurrogate = "@@LONE-SURROGATE@@";

    private static readonly string[] Places =
    [
        "records[0].id", "records[0].body", "records[0].subject", "input.path", "input.blob", "input.queue",
        "input.blob.container", "input.blob.prefix", "spec.name", "spec.model", "spec.promptVersion", "spec.chunkSize",
        "spec.maxOutputTokens", "spec.budgetUsd", "spec.tags.tenant", "spec.tags", "spec.prompt.user", "spec.schedule",
        "spec.throttleWait", "spec.responseSchema", "spec.failureThreshold", "spec.batch", "job",
    ];

    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(StartBodyFuzzTests),
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["Simulator__LatencyMs"] = "5" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task StartRun_OneHostileValueAnywhere_NeverAnswers5xx()
    {
        var random = new Random(20261202);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var place = Places[random.Next(Places.Length)];
            var value = HostileValue(random);
            var body = Plant(place, value);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");

            using var response = await _stack.Http.PostAsync(new Uri("/api/runs", UriKind.Relative), content);

            var code = (int)response.StatusCode;
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            Assert.True(code < 500, $"{place} = {Shown(value)} answered {code}: {await response.Content.ReadAsStringAsync()}");
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        using var health = await _stack.Http.GetAsync(new Uri("/api/runs/no-such-run", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
    }

    private static JsonNode? HostileValue(Random random) => random.Next(22) switch
    {
        0 => string.Empty,
        1 => "   ",
        2 => "nul\u0000byte",
        3 => LoneSurrogate,
        4 => new string('x', 70_000),
        5 => -1,
        6 => 0,
        7 => JsonValue.Create(99999999999999999999m),
        8 => 1e300,
        9 => true,
        10 => null,
        11 => new JsonArray(),
        12 => new JsonObject(),
        13 => "../../../etc/passwd",
        14 => ".run/localhost.key",
        15 => "container/../../secret",
        16 => "\\\\server\\share\\x",
        17 => "日本語 😀 ✓",
        18 => "a/b#c?d",
        19 => "%00%2e%2e/",
        20 => new JsonObject { ["$ref"] = "#/nowhere", ["type"] = "object" },
        _ => "P99999Y",
    };

    /// <summary>A valid start body (a spec, one record, or an input in place of the records) with the value planted.</summary>
    private static string Plant(string place, JsonNode? value)
    {
        var spec = JobSpecs.Classify(chunkSize: 10, maxParallelChunks: 1);
        var body = new JsonObject { ["spec"] = spec };
        var parts = place.Split('.');
        if (parts[0] == "input")
        {
            body["input"] = parts.Length == 3 && parts[1] == "blob"
                ? new JsonObject { ["blob"] = new JsonObject { ["container"] = "inputs", ["prefix"] = "x/" } }
                : new JsonObject { [parts[1]] = "samples/tickets-small.jsonl" };
        }
        else
        {
            body["records"] = new JsonArray(new JsonObject { ["id"] = "r-1", ["subject"] = "s", ["body"] = "b", ["channel"] = "email", ["product"] = "p" });
        }

        if (parts[0] == "job")
        {
            body.Remove("spec");
        }

        JsonNode parent = body;
        foreach (var part in parts[..^1])
        {
            parent = part == "records[0]" ? parent["records"]![0]! : parent[part] ??= new JsonObject();
        }

        parent[parts[^1]] = value?.DeepClone();
        return body.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"x\\udc00\"", StringComparison.Ordinal);
    }

    private static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
