using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Api;

/// <summary>
/// Bad requests get a 4xx naming the field and the reason before anything is staged or started; problems
/// of one record inside a valid request become that record's failure.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const int MaxRequestBytes = 200_000;
    private const int MaxRecords = 300;
    private LocalStack _stack = null!;

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadStartRequests => new()
    {
        { "plain text", "text/plain", Body(), HttpStatusCode.UnsupportedMediaType, "application/json" },
        { "no content type", null, Body(), HttpStatusCode.UnsupportedMediaType, "application/json" },
        { "malformed JSON", "application/json", "{\"job\": \"classify-tickets\", \"records\": [", HttpStatusCode.BadRequest, "not valid JSON" },
        { "empty body", "application/json", string.Empty, HttpStatusCode.BadRequest, "empty" },
        { "body is an array", "application/json", "[]", HttpStatusCode.BadRequest, "$" },
        { "body is a string", "application/json", "\"run it\"", HttpStatusCode.BadRequest, "$" },
        { "unknown property", "application/json", Body(extra: ("priority", "high")), HttpStatusCode.BadRequest, "$.priority" },
        { "neither job nor spec", "application/json", """{"records":[{"id":"a","subject":"s","body":"b","channel":"c","product":"p"}]}""", HttpStatusCode.BadRequest, "$.job" },
        { "both job and spec", "application/json", Body(spec: Spec()), HttpStatusCode.BadRequest, "not both" },
        { "job is a number", "application/json", """{"job":7,"records":[{"id":"a"}]}""", HttpStatusCode.BadRequest, "$.job" },
        { "unknown job", "application/json", Body(job: "no-such-job"), HttpStatusCode.BadRequest, "no-such-job" },
        { "records missing", "application/json", """{"job":"classify-tickets"}""", HttpStatusCode.BadRequest, "$.records" },
        { "records not an array", "application/json", """{"job":"classify-tickets","records":{"id":"a"}}""", HttpStatusCode.BadRequest, "$.records" },
        { "records empty", "application/json", """{"job":"classify-tickets","records":[]}""", HttpStatusCode.BadRequest, "at least one record" },
        { "record not an object", "application/json", """{"job":"classify-tickets","records":["a"]}""", HttpStatusCode.BadRequest, "$.records[0]" },
        { "record without id", "application/json", """{"job":"classify-tickets","records":[{"subject":"s"}]}""", HttpStatusCode.BadRequest, "$.records[0].id" },
        { "numeric id", "application/json", """{"job":"classify-tickets","records":[{"id":"a"},{"id":42}]}""", HttpStatusCode.BadRequest, "$.records[1].id" },
        { "empty id", "application/json", """{"job":"classify-tickets","records":[{"id":""}]}""", HttpStatusCode.BadRequest, "$.records[0].id" },
        { "id with a slash", "application/json", """{"job":"classify-tickets","records":[{"id":"a/b"}]}""", HttpStatusCode.BadRequest, "row key" },
        { "lone surrogate in a field", "application/json", """{"job":"classify-tickets","records":[{"id":"a","subject":"s","body":"x\udc00"}]}""", HttpStatusCode.BadRequest, "$.records[0].body" },
        { "lone surrogate in an id", "application/json", """{"job":"classify-tickets","records":[{"id":"a\ud800","subject":"s","body":"b"}]}""", HttpStatusCode.BadRequest, "$.records[0].id" },
        { "lone surrogate in a property name", "application/json", """{"job":"classify-tickets","records":[{"id":"a","x\ud800":"b"}]}""", HttpStatusCode.BadRequest, "$.records[0].(property 1)" },
        { "duplicate ids", "application/json", """{"job":"classify-tickets","records":[{"id":"a"},{"id":"a"}]}""", HttpStatusCode.BadRequest, "$.records[1].id" },
        { "spec is not an object", "application/json", """{"spec":"classify","records":[{"id":"a"}]}""", HttpStatusCode.BadRequest, "$.spec" },
        { "spec without name", "application/json", Body(job: null, spec: Spec(remove: "name")), HttpStatusCode.BadRequest, "$.spec.name" },
        { "spec chunkSize 0", "application/json", Body(job: null, spec: Spec(("chunkSize", 0))), HttpStatusCode.BadRequest, "$.spec.chunkSize" },
        { "spec misspelt property", "application/json", Body(job: null, spec: Spec(("chunksize", 10))), HttpStatusCode.BadRequest, "$.spec.chunksize" },
        { "spec maxOutputTokens too big", "application/json", Body(job: null, spec: Spec(("maxOutputTokens", 10_000_000))), HttpStatusCode.BadRequest, "$.spec.maxOutputTokens" },
        { "spec 5-field schedule", "application/json", Body(job: null, spec: Spec(("schedule", "0 2 * * *"))), HttpStatusCode.BadRequest, "$.spec.schedule" },
        { "spec failure rate above 1", "application/json", Body(job: null, spec: Spec(("failureThreshold", new JsonObject { ["rate"] = 1.5, ["minRecords"] = 10 }))), HttpStatusCode.BadRequest, "$.spec.failureThreshold.rate" },
        { "spec tenant tag of 100,000 characters", "application/json", Body(job: null, spec: Spec(("tags", new JsonObject { ["tenant"] = new string('t', 100_000), ["feature"] = "f" }))), HttpStatusCode.BadRequest, "$.spec.tags.tenant" },
        { "spec with 2,000 tags", "application/json", Body(job: null, spec: Spec(("tags", new JsonObject(Enumerable.Range(0, 2_000).Select(i => KeyValuePair.Create($"t{i}", (JsonNode?)"v")).Prepend(KeyValuePair.Create("feature", (JsonNode?)"f")).Prepend(KeyValuePair.Create("tenant", (JsonNode?)"a")))))), HttpStatusCode.BadRequest, "at most 50 tags" },
        { "spec tags without tenant", "application/json", Body(job: null, spec: Spec(("tags", new JsonObject { ["feature"] = "f" }))), HttpStatusCode.BadRequest, "$.spec.tags.tenant" },
        { "spec schema not an object type", "application/json", Body(job: null, spec: Spec(("responseSchema", new JsonObject { ["type"] = "array" }))), HttpStatusCode.BadRequest, "$.spec.responseSchema.type" },
        { "spec template without placeholder", "application/json", Body(job: null, spec: Spec(("prompt", new JsonObject { ["system"] = "s", ["user"] = "classify this" }))), HttpStatusCode.BadRequest, "$.spec.prompt.user" },
        { "spec template unclosed placeholder", "application/json", Body(job: null, spec: Spec(("prompt", new JsonObject { ["system"] = "s", ["user"] = "Subject: {{subject" }))), HttpStatusCode.BadRequest, "not closed" },
        { "input path outside the content root", "application/json", """{"job":"classify-tickets","input":{"path":"../../etc/passwd"}}""", HttpStatusCode.BadRequest, "outside the inputs folder" },
        { "input path with a NUL", "application/json", """{"job":"classify-tickets","input":{"path":"samples/x\u0000"}}""", HttpStatusCode.BadRequest, "outside the inputs folder" },
        { "input path to the function key", "application/json", """{"job":"classify-tickets","input":{"path":".run/localhost.key"}}""", HttpStatusCode.BadRequest, "outside the inputs folder" },
        { "input path into a dot-folder", "application/json", """{"job":"classify-tickets","input":{"path":"samples/.private/tickets.jsonl"}}""", HttpStatusCode.BadRequest, "dot-folders" },
        { "input path to a job spec", "application/json", """{"job":"classify-tickets","input":{"path":"jobs/classify-tickets.json"}}""", HttpStatusCode.BadRequest, "outside the inputs folder" },
        { "input queue that does not exist", "application/json", """{"job":"classify-tickets","input":{"queue":"no-such-queue"}}""", HttpStatusCode.BadRequest, "no queue named no-such-queue" },
        { "repeated key", "application/json", """{"spec":{"name":"x","chunkSize":0,"chunkSize":100},"records":[{"id":"a"}]}""", HttpStatusCode.BadRequest, "$.spec.chunkSize" },
        { "repeated key in a record", "application/json", """{"job":"classify-tickets","records":[{"id":"a","body":"x","body":"y"}]}""", HttpStatusCode.BadRequest, "$.records[0].body" },
        { "content type that only starts like JSON", "application/jsonx", Body(), HttpStatusCode.UnsupportedMediaType, "application/json" },
        { "spec schema with a $ref to nothing", "application/json", Body(job: null, spec: Spec(("responseSchema", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["$ref"] = "#/$defs/missing" } } }))), HttpStatusCode.BadRequest, "$.spec.responseSchema.properties.a.$ref" },
        { "input file missing", "application/json", """{"job":"classify-tickets","input":{"path":"samples/missing.jsonl"}}""", HttpStatusCode.BadRequest, "no file" },
        { "input blob without container", "application/json", """{"job":"classify-tickets","input":{"blob":"tickets.jsonl"}}""", HttpStatusCode.BadRequest, "$.input.blob" },
        { "records and input together", "application/json", """{"job":"classify-tickets","records":[{"id":"a"}],"input":{"path":"samples/tickets.jsonl"}}""", HttpStatusCode.BadRequest, "not both" },
        { "too many records", "application/json", Body(records: MaxRecords + 1), HttpStatusCode.BadRequest, $"at most {MaxRecords}" },
        { "oversize body", "application/json", Body(padding: MaxRequestBytes), HttpStatusCode.RequestEntityTooLarge, "larger than" },
    };

    public static TheoryData<string, string, HttpStatusCode, string> BadRunRequests => new()
    {
        { "GET", "/api/runs/no-such-run", HttpStatusCode.NotFound, "no-such-run" },
        { "POST", "/api/runs/no-such-run/cancel", HttpStatusCode.NotFound, "no-such-run" },
        { "GET", "/api/runs/no-such-run/results", HttpStatusCode.NotFound, "no-such-run" },
        { "POST", "/api/runs/no-such-run/retry-failed", HttpStatusCode.NotFound, "no-such-run" },
        { "GET", "/api/runs/no-such-run/results?status=bogus", HttpStatusCode.BadRequest, "status" },
        { "GET", "/api/runs/no-such-run/results?pageSize=0", HttpStatusCode.BadRequest, "pageSize" },
    };

    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/runs" },
        { "GET", "/api/runs/any" },
        { "POST", "/api/runs/any/cancel" },
        { "GET", "/api/runs/any/results" },
        { "POST", "/api/runs/any/retry-failed" },
        { "POST", "/admin/timers/nightly" },
    };

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(BadInputTests),
        new Dictionary<string, string>
        {
            ["FunctionsBatch__Api__MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FunctionsBatch__Api__MaxRecordsPerRequest"] = MaxRecords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FunctionsBatch__Models__gpt-4o-mini__ContextWindow"] = "2000",
        });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadStartRequests))]
    public async Task StartRun_BadRequest_AnswersClientErrorNamingTheProblemAndStagesNothing(
        string scenario, string? contentType, string body, HttpStatusCode expected, string mentions)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await _stack.Http.PostAsync(new Uri("/api/runs", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{scenario}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(mentions, text, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(text)!["code"]);
        Assert.Equal(0, await StagedBlobCountAsync());
    }

    [Fact]
    public async Task StartRun_IdWithBytesThatAreNotUtf8_Answers400NamingTheId()
    {
        var body = Encoding.UTF8.GetBytes("""{"job":"classify-tickets","records":[{"id":"a""")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"subject\":\"s\",\"body\":\"b\"}]}"))
            .ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _stack.Http.PostAsync(new Uri("/api/runs", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Contains("$.records[0].id", text, StringComparison.Ordinal);
        Assert.Equal(0, await StagedBlobCountAsync());
    }

    [Theory]
    [MemberData(nameof(BadRunRequests))]
    public async Task RunRoutes_UnknownRunOrBadQuery_AnswerClientError(string method, string path, HttpStatusCode expected, string mentions)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await _stack.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Routes_WithoutOrWithWrongKey_Answer401(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_stack.HostUrl) };
        using var noKey = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
        using var wrong = new HttpRequestMessage(new HttpMethod(method), new Uri(path + "?code=wrong", UriKind.Relative));
        wrong.Headers.Add("x-functions-key", "also-wrong");
        using var wrongKey = await anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task StartRun_RecordsMissingTemplateFieldOrTooLongForContext_FailOnlyThoseRecords()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: 6).Select(r => r.DeepClone().AsObject()).ToArray();
        records[1].Remove("body");
        records[4]["body"] = string.Join(' ', Enumerable.Repeat("The export keeps failing with error 0x80070005.", 400));

        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["job"] = "classify-tickets",
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
        });
        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(2));

        Assert.Equal("CompletedWithFailures", final.GetProperty("outcome").GetString());
        var rows = (await ResultRows.ReadAsync(_stack, runId)).ToDictionary(r => r.RowKey);
        Assert.Equal(6, rows.Count);
        var missing = rows[records[1]["id"]!.GetValue<string>()];
        var tooLong = rows[records[4]["id"]!.GetValue<string>()];
        Assert.Equal(("failed", "missing_field", 0), (missing.Status, missing.ErrorCode, missing.Attempts));
        Assert.Contains("body", missing.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(("failed", "context_length_exceeded", 0), (tooLong.Status, tooLong.ErrorCode, tooLong.Attempts));
        Assert.Equal(4, rows.Values.Count(r => r.Status == "succeeded"));

        using var failedPage = await _stack.Http.GetAsync(new Uri($"/api/runs/{runId}/results?status=failed&pageSize=1", UriKind.Relative));
        var page = await JsonDocument.ParseAsync(await failedPage.Content.ReadAsStreamAsync());
        Assert.Equal(1, page.RootElement.GetProperty("count").GetInt32());
        var token = page.RootElement.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        using var secondPage = await _stack.Http.GetAsync(new Uri($"/api/runs/{runId}/results?status=failed&pageSize=1&continuationToken={Uri.EscapeDataString(token!)}", UriKind.Relative));
        var second = await JsonDocument.ParseAsync(await secondPage.Content.ReadAsStreamAsync());
        Assert.Equal("failed", second.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.NotEqual(
            page.RootElement.GetProperty("results")[0].GetProperty("recordId").GetString(),
            second.RootElement.GetProperty("results")[0].GetProperty("recordId").GetString());
    }

    private async Task<int> StagedBlobCountAsync()
    {
        var container = new global::Azure.Storage.Blobs.BlobContainerClient(_stack.StorageConnectionString, "runs");
        if (!await container.ExistsAsync())
        {
            return 0;
        }

        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }

    private static string Body(string? job = "classify-tickets", JsonObject? spec = null, int records = 1, (string Name, string Value)? extra = null, int padding = 0)
    {
        var body = new JsonObject();
        if (job is not null)
        {
            body["job"] = job;
        }

        if (spec is not null)
        {
            body["spec"] = spec;
        }

        body["records"] = new JsonArray(Enumerable.Range(0, records)
            .Select(i => (JsonNode)new JsonObject { ["id"] = $"r-{i}", ["subject"] = "s", ["body"] = new string('x', padding), ["channel"] = "email", ["product"] = "p" })
            .ToArray());
        if (extra is { } property)
        {
            body[property.Name] = property.Value;
        }

        return body.ToJsonString();
    }

    private static JsonObject Spec(params (string Name, JsonNode? Value)[] changes) => Spec(remove: null, changes);

    private static JsonObject Spec(string? remove, params (string Name, JsonNode? Value)[] changes)
    {
        var spec = JobSpecs.Classify(chunkSize: 10, maxParallelChunks: 1);
        if (remove is not null)
        {
            spec.Remove(remove);
        }

        foreach (var (name, value) in changes)
        {
            spec[name] = value;
        }

        return spec;
    }
}
