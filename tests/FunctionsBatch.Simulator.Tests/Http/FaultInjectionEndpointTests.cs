using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Faults;
using FunctionsBatch.Simulator.Tests.TestSupport;
using FunctionsBatch.TestSupport;
using Json.Schema;

namespace FunctionsBatch.Simulator.Tests.Http;

public sealed class FaultInjectionEndpointTests
{
    private const string Ticket = "Subject: Export produces empty file\n\nExporting from the ticket list gives us an empty file.";

    [Theory]
    [InlineData("throttle", null)]
    [InlineData(null, "[[THROTTLE-ONCE]]")]
    public async Task PostChatCompletion_Throttle_Returns429WithShortRetryThenSucceeds(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} {marker}");

        using var throttled = await client.PostChatAsync(body, fault: header);
        using var retried = await client.PostChatAsync(body);
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("200", Header(throttled, "retry-after-ms"));
        Assert.Equal("1", Header(throttled, "Retry-After"));
        var error = (await SimulatorClient.ReadJsonAsync(throttled)).GetProperty("error");
        Assert.Equal("429", error.GetProperty("code").GetString());
        Assert.Contains("Please retry after 1 second", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, stats.GetProperty("throttled").GetInt64());
        Assert.Equal(1, stats.GetProperty("succeeded").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "throttle"));
    }

    [Fact]
    public async Task PostChatCompletion_ThrottleHeaderWithValue_UsesThatRetryAfter()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var throttled = await client.PostChatAsync(ChatBody.Create(Ticket), fault: "throttle=2500");

        Assert.Equal("2500", Header(throttled, "retry-after-ms"));
        Assert.Equal("3", Header(throttled, "Retry-After"));
    }

    [Fact]
    public async Task PostSimConfig_ThrottleAllStorm_ThrottlesEveryRequestUntilTurnedOff()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var storm = await client.Http.PostAsJsonAsync("/sim/config", new { faults = new { throttleAll = true, retryAfterMs = 20 } });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostChatAsync(ChatBody.Create($"{Ticket} {i % 2}"));
            statuses.Add(response.StatusCode);
            Assert.Equal("20", Header(response, "retry-after-ms"));
        }

        using var calm = await client.Http.PostAsJsonAsync("/sim/config", new { faults = new { throttleAll = false } });
        using var after = await client.PostChatAsync(ChatBody.Create(Ticket));
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.OK, storm.StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(5, stats.GetProperty("throttled").GetInt64());
        Assert.Equal(5, SimulatorClient.Faults(stats, "throttle"));
    }

    [Fact]
    public async Task PostChatCompletion_InjectedThrottle_DoesNotChargeTheBuckets()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:DefaultRequestsPerMinute"] = "1" }, new ManualTimeProvider());
        using var client = factory.CreateSimulatorClient();

        using var injected = await client.PostChatAsync(ChatBody.Create($"{Ticket} [[THROTTLE-ONCE]]"));
        using var admitted = await client.PostChatAsync(ChatBody.Create($"{Ticket} [[THROTTLE-ONCE]]"));

        Assert.Equal(HttpStatusCode.TooManyRequests, injected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task PostChatCompletion_PlantedFaultWhileBucketsEmpty_StillSeenOnItsAttempt()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:DefaultRequestsPerMinute"] = "1" }, new ManualTimeProvider());
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create("uses up the only request of the minute"));

        using var planted = await client.PostChatAsync(ChatBody.Create($"{Ticket} [[FAIL-ONCE]]"));

        Assert.True((int)planted.StatusCode >= 500, planted.StatusCode.ToString());
    }

    [Theory]
    [InlineData("server_error", null)]
    [InlineData(null, "[[FAIL-ONCE]]")]
    public async Task PostChatCompletion_ServerError_Returns5xxAzureErrorThenSucceeds(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} {marker}");

        using var failed = await client.PostChatAsync(body, fault: header);
        using var retried = await client.PostChatAsync(body);
        var stats = await client.StatsAsync();

        Assert.Contains(failed.StatusCode, new[] { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable });
        var error = (await SimulatorClient.ReadJsonAsync(failed)).GetProperty("error");
        Assert.Contains(error.GetProperty("code").GetString(), new[] { "InternalServerError", "ServiceUnavailable" });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, stats.GetProperty("failed").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "server_error"));
        Assert.Equal(RequestTokens(await SimulatorClient.ReadJsonAsync(retried)), stats.GetProperty("promptTokens").GetInt64() + stats.GetProperty("completionTokens").GetInt64());
    }

    [Fact]
    public async Task PostChatCompletion_ServerErrorHeaderWithStatus_ReturnsThatStatus()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var unavailable = await client.PostChatAsync(ChatBody.Create(Ticket), fault: "server_error=503");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("ServiceUnavailable", (await SimulatorClient.ReadJsonAsync(unavailable)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostChatCompletion_ServerErrorRate_FailsPredictedContentsDeterministicallyAndOnlyOnce()
    {
        var settings = new Dictionary<string, string?> { ["Simulator:Faults:ServerErrorRate"] = "0.25", ["Simulator:Faults:ServerErrorStatus"] = "500" };
        var bodies = Enumerable.Range(0, 40).Select(i => ChatBody.Create($"{Ticket} Ticket number {i}.")).ToList();
        var predicted = Enumerable.Range(0, 40)
            .Where(i => FaultInjector.Roll([new ChatMessageText("system", ChatBody.System), new ChatMessageText("user", $"{Ticket} Ticket number {i}.")], 0) < 0.25)
            .ToList();

        var firstRun = await FailingIndexesAsync(settings, bodies, reverse: false);
        var secondRun = await FailingIndexesAsync(settings, bodies, reverse: true);

        Assert.NotEmpty(predicted);
        Assert.Equal(predicted, firstRun.FirstAttempt);
        Assert.Equal(predicted, secondRun.FirstAttempt);
        Assert.Empty(firstRun.Retry);
    }

    [Fact]
    public async Task PostChatCompletion_DeploymentFaults_ApplyOnlyToThatDeployment()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?>
        {
            ["Simulator:Deployments:flaky:Faults:ServerErrorRate"] = "1",
            ["Simulator:Deployments:flaky:Faults:ServerErrorStatus"] = "502",
        });
        using var client = factory.CreateSimulatorClient();

        using var flaky = await client.PostChatAsync(ChatBody.Create(Ticket), "flaky");
        using var steady = await client.PostChatAsync(ChatBody.Create(Ticket + " other"), "steady");
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.BadGateway, flaky.StatusCode);
        Assert.Equal(HttpStatusCode.OK, steady.StatusCode);
        Assert.Equal(1, SimulatorClient.Faults(stats.GetProperty("byDeployment").GetProperty("flaky"), "server_error"));
        Assert.Equal(0, SimulatorClient.Faults(stats.GetProperty("byDeployment").GetProperty("steady"), "server_error"));
    }

    [Fact]
    public async Task PostSimConfig_DeploymentFaultsAtRunTime_ShowInConfigAndApply()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var update = await client.Http.PostAsJsonAsync("/sim/config", new { deployments = new Dictionary<string, object> { ["flaky"] = new { faults = new { truncatedRate = 1.0 } } } });
        var config = await client.Http.GetFromJsonAsync<JsonElement>("/sim/config");
        using var truncated = await client.PostChatAsync(ChatBody.Create(Ticket), "flaky");
        var text = await truncated.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(1.0, config.GetProperty("deployments").GetProperty("flaky").GetProperty("faults").GetProperty("truncatedRate").GetDouble());
        Assert.Equal("[[BLOCK]]", config.GetProperty("faults").GetProperty("contentFilterMarker").GetString());
        Assert.Equal(200, config.GetProperty("faults").GetProperty("retryAfterMs").GetInt32());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text).Dispose());
    }

    [Theory]
    [InlineData("""{"faults":{"throttleRate":2}}""")]
    [InlineData("""{"faults":{"throttelRate":0.1}}""")]
    [InlineData("""{"faults":{"serverErrorStatus":418}}""")]
    public async Task PostSimConfig_InvalidFaults_Returns400(string body)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var response = await client.Http.PostAsync(new Uri("/sim/config", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("truncated", null)]
    [InlineData(null, "[[TRUNCATE-ONCE]]")]
    public async Task PostChatCompletion_Truncated_Returns200WithBrokenJsonThenSucceeds(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} {marker}");

        using var truncated = await client.PostChatAsync(body, fault: header);
        var text = await truncated.Content.ReadAsStringAsync();
        var retried = await client.CompleteAsync(body);
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.Equal("application/json", truncated.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{\"id\":\"chatcmpl-", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text).Dispose());
        Assert.Equal(1, stats.GetProperty("failed").GetInt64());
        Assert.Equal(1, stats.GetProperty("succeeded").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "truncated"));
        Assert.Equal(RequestTokens(retried), stats.GetProperty("promptTokens").GetInt64() + stats.GetProperty("completionTokens").GetInt64());
        // The model answered both times: the cut-off answer is billed too.
        Assert.Equal(2 * RequestTokens(retried), stats.GetProperty("billedTokens").GetInt64());
    }

    [Theory]
    [InlineData("no_choices", null)]
    [InlineData(null, "[[NO-CHOICES-ONCE]]")]
    public async Task PostChatCompletion_NoChoices_Returns200WithUsageButNoChoicesThenSucceeds(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} {marker}");

        using var empty = await client.PostChatAsync(body, fault: header);
        using var answer = JsonDocument.Parse(await empty.Content.ReadAsStringAsync());
        var retried = await client.CompleteAsync(body);
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.False(answer.RootElement.TryGetProperty("choices", out _));
        Assert.Equal(RequestTokens(retried), answer.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt64());
        Assert.Equal((1L, 1L, 1L), (stats.GetProperty("failed").GetInt64(), stats.GetProperty("succeeded").GetInt64(), SimulatorClient.Faults(stats, "no_choices")));
        Assert.Equal(2 * RequestTokens(retried), stats.GetProperty("billedTokens").GetInt64());
    }

    [Fact]
    public async Task PostChatCompletion_SlowOnceMarker_AnswersAfterSlowMsThenFast()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "400" });
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create("warm up"));
        var body = ChatBody.Create($"{Ticket} [[SLOW-ONCE]]");

        var clock = Stopwatch.StartNew();
        await client.CompleteAsync(body);
        var slow = clock.ElapsedMilliseconds;
        clock.Restart();
        await client.CompleteAsync(body);
        var fast = clock.ElapsedMilliseconds;
        var stats = await client.StatsAsync();

        Assert.True(slow >= 390, $"slow answer after {slow} ms");
        Assert.True(fast < 390, $"retry answer after {fast} ms");
        Assert.Equal(1, SimulatorClient.Faults(stats, "slow"));
    }

    [Fact]
    public async Task PostChatCompletion_SlowHeaderPastClientTimeout_ClientTimesOutAndCountsFailed()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.PostChatAsync(ChatBody.Create(Ticket).ToJsonString(), fault: "slow", cancellationToken: timeout.Token));

        var stats = await WaitForAsync(client, s => s.GetProperty("failed").GetInt64() == 1);
        Assert.Equal(1, stats.GetProperty("failed").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "slow"));
        Assert.Equal(0, stats.GetProperty("promptTokens").GetInt64());
    }

    [Fact]
    public async Task PostChatCompletion_SlowThenServerErrorHeader_WaitsThenFails()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create("warm up"));

        var clock = Stopwatch.StartNew();
        using var response = await client.PostChatAsync(ChatBody.Create(Ticket), fault: "slow=300; server_error=503");
        var stats = await client.StatsAsync();

        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, SimulatorClient.Faults(stats, "slow"));
        Assert.Equal(1, SimulatorClient.Faults(stats, "server_error"));
    }

    [Fact]
    public async Task PostChatCompletion_ResetHeaderInMemoryServer_ClientSeesAnError()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.PostChatAsync(ChatBody.Create(Ticket), fault: "reset"));

        var stats = await WaitForAsync(client, s => s.GetProperty("failed").GetInt64() == 1);
        Assert.Equal(1, SimulatorClient.Faults(stats, "reset"));
    }

    [Fact]
    public async Task PostChatCompletion_ResetOnceMarkerOverARealSocket_ConnectionDropsThenRetrySucceeds()
    {
        // An in-memory server cannot show a connection reset, so the simulator runs as its own process on a real
        // port. (WebApplicationFactory's Kestrel mode races the app's own start: dotnet/aspnetcore#67714.)
        var port = FreePort.Next();
        var log = Path.Combine(Path.GetTempPath(), "functionsbatch-tests", $"simulator-reset-{port}.log");
        using var simulator = ServiceProcess.Start(
            "simulator",
            "dotnet",
            [RepoPaths.ServiceDll("FunctionsBatch.Simulator"), "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["Simulator__ApiKey"] = SimulatorFactory.ApiKey },
            log);
        using var client = new SimulatorClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        await WaitUntilServingAsync(client.Http, simulator);
        var body = ChatBody.Create($"{Ticket} [[RESET-ONCE]]");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostChatAsync(body));
        using var retried = await client.PostChatAsync(body);
        var stats = await client.StatsAsync();

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, stats.GetProperty("failed").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "reset"));
    }

    [Theory]
    [InlineData("content_filter", null)]
    [InlineData(null, "[[BLOCK]]")]
    public async Task PostChatCompletion_ContentFilter_Returns400ContentFilterOnEveryAttempt(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} {marker}");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var filtered = await client.PostChatAsync(body, fault: header);

            Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
            var error = (await SimulatorClient.ReadJsonAsync(filtered)).GetProperty("error");
            Assert.Equal("content_filter", error.GetProperty("code").GetString());
            Assert.Equal("prompt", error.GetProperty("param").GetString());
            Assert.Equal(400, error.GetProperty("status").GetInt32());
            Assert.StartsWith("The response was filtered due to the prompt triggering Azure OpenAI's content management policy", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            var inner = error.GetProperty("innererror");
            Assert.Equal("ResponsibleAIPolicyViolation", inner.GetProperty("code").GetString());
            Assert.True(inner.GetProperty("content_filter_result").GetProperty("violence").GetProperty("filtered").GetBoolean());
        }

        var stats = await client.StatsAsync();
        Assert.Equal(3, stats.GetProperty("failed").GetInt64());
        Assert.Equal(3, SimulatorClient.Faults(stats, "content_filter"));
        Assert.Equal(0, stats.GetProperty("promptTokens").GetInt64());
    }

    [Fact]
    public async Task PostChatCompletion_CustomContentFilterMarker_FiltersOnlyThatMarker()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Faults:ContentFilterMarker"] = "forbidden-word" });
        using var client = factory.CreateSimulatorClient();

        using var custom = await client.PostChatAsync(ChatBody.Create("this has a forbidden-word in it"));
        using var standard = await client.PostChatAsync(ChatBody.Create("this has [[BLOCK]] in it"));

        Assert.Equal(HttpStatusCode.BadRequest, custom.StatusCode);
        Assert.Equal(HttpStatusCode.OK, standard.StatusCode);
    }

    [Theory]
    [InlineData("schema_violation", null)]
    [InlineData(null, "[[BADJSON]]")]
    public async Task PostChatCompletion_SchemaViolation_ReturnsJsonThatBreaksTheSchema(string? header, string? marker)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var validator = JsonSchema.FromText(Schemas.Classification);
        var body = ChatBody.Create($"{Ticket} {marker}", responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification));

        var first = await client.CompleteAsync(body, fault: header);
        var stats = await client.StatsAsync();

        Assert.False(IsValid(validator, first));
        Assert.Equal(1, stats.GetProperty("succeeded").GetInt64());
        Assert.Equal(1, SimulatorClient.Faults(stats, "schema_violation"));
        Assert.Equal(RequestTokens(first), stats.GetProperty("promptTokens").GetInt64() + stats.GetProperty("completionTokens").GetInt64());
        Assert.Equal(ChatTokenCounter.CountText(SimulatorClient.ContentOf(first)), first.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task PostChatCompletion_BadJsonMarker_ViolatesEveryAttemptAndReask()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var validator = JsonSchema.FromText(Schemas.Classification);
        var body = ChatBody.Create($"{Ticket} [[BADJSON]]", responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification));

        var first = await client.CompleteAsync(body);
        var second = await client.CompleteAsync(body);
        var reask = await client.CompleteAsync(Reask(body, SimulatorClient.ContentOf(first)));

        Assert.False(IsValid(validator, first));
        Assert.False(IsValid(validator, second));
        Assert.False(IsValid(validator, reask));
    }

    [Fact]
    public async Task PostChatCompletion_BadJsonOnceMarker_ViolatesFirstAnswerOnlySoReaskRepairs()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var validator = JsonSchema.FromText(Schemas.Classification);
        var body = ChatBody.Create($"{Ticket} [[BADJSON-ONCE]]", responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification));

        var first = await client.CompleteAsync(body);
        var reask = await client.CompleteAsync(Reask(body, SimulatorClient.ContentOf(first)));
        var stats = await client.StatsAsync();

        Assert.False(IsValid(validator, first));
        Assert.True(IsValid(validator, reask));
        Assert.Equal(1, SimulatorClient.Faults(stats, "schema_violation"));
    }

    [Fact]
    public async Task PostChatCompletion_BadJsonOnceAfterPlantedFailure_ViolatesFirstServedAnswer()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var validator = JsonSchema.FromText(Schemas.Classification);
        var body = ChatBody.Create($"{Ticket} [[FAIL-ONCE]] [[BADJSON-ONCE]]", responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification));

        using var failed = await client.PostChatAsync(body);
        var served = await client.CompleteAsync(body);

        Assert.True((int)failed.StatusCode >= 500);
        Assert.False(IsValid(validator, served));
    }

    [Fact]
    public async Task PostChatCompletion_SchemaViolationOnTextRequest_AnswersNormally()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        var completion = await client.CompleteAsync(ChatBody.Create(Ticket), fault: "schema_violation");
        var stats = await client.StatsAsync();

        Assert.False(string.IsNullOrWhiteSpace(SimulatorClient.ContentOf(completion)));
        Assert.Equal(0, SimulatorClient.Faults(stats, "schema_violation"));
    }

    [Fact]
    public async Task PostChatCompletion_HeaderNone_SuppressesMarkersAndRates()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Faults:ThrottleAll"] = "true" });
        using var client = factory.CreateSimulatorClient();

        using var response = await client.PostChatAsync(ChatBody.Create($"{Ticket} [[FAIL-ONCE]] [[BLOCK]]"), fault: "none");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostChatCompletion_UnknownFaultHeader_Returns400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var response = await client.PostChatAsync(ChatBody.Create(Ticket), fault: "explode");
        var error = (await SimulatorClient.ReadJsonAsync(response)).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("x-sim-fault", error.GetProperty("param").GetString());
        Assert.Contains("explode", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSimReset_AfterTransientFault_ForgetsAttemptsSoTheFaultRecurs()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        var body = ChatBody.Create($"{Ticket} [[FAIL-ONCE]]");

        using var first = await client.PostChatAsync(body);
        using var second = await client.PostChatAsync(body);
        using var reset = await client.Http.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);
        var afterReset = await client.StatsAsync();
        using var third = await client.PostChatAsync(body);

        Assert.True((int)first.StatusCode >= 500);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, SimulatorClient.Faults(afterReset, "server_error"));
        Assert.True((int)third.StatusCode >= 500);
    }

    [Fact]
    public async Task GetSimStats_NoFaults_ReportsEveryKindAtZero()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create(Ticket));

        var stats = await client.StatsAsync();

        var kinds = stats.GetProperty("faults").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["throttle", "server_error", "slow", "reset", "truncated", "content_filter", "schema_violation", "no_choices"], kinds);
        Assert.All(stats.GetProperty("faults").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt64()));
        Assert.Equal(kinds, stats.GetProperty("byDeployment").GetProperty("gpt-4o-mini").GetProperty("faults").EnumerateObject().Select(p => p.Name));
    }

    private static async Task<(List<int> FirstAttempt, List<int> Retry)> FailingIndexesAsync(Dictionary<string, string?> settings, List<JsonObject> bodies, bool reverse)
    {
        using var factory = new SimulatorFactory(settings);
        using var client = factory.CreateSimulatorClient();
        var order = Enumerable.Range(0, bodies.Count).ToList();
        if (reverse)
        {
            order.Reverse();
        }

        var firstAttempt = new List<int>();
        foreach (var index in order)
        {
            using var response = await client.PostChatAsync(bodies[index]);
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                firstAttempt.Add(index);
            }
        }

        var retry = new List<int>();
        foreach (var index in firstAttempt)
        {
            using var response = await client.PostChatAsync(bodies[index]);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                retry.Add(index);
            }
        }

        firstAttempt.Sort();
        return (firstAttempt, retry);
    }

    private static JsonObject Reask(JsonObject body, string previousAnswer)
    {
        var reask = body.DeepClone().AsObject();
        var messages = reask["messages"]!.AsArray();
        messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = previousAnswer });
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = "Your answer did not match the JSON schema. Answer again with valid JSON." });
        return reask;
    }

    private static bool IsValid(JsonSchema validator, JsonElement completion)
    {
        using var content = JsonDocument.Parse(SimulatorClient.ContentOf(completion));
        return validator.Evaluate(content.RootElement).IsValid;
    }

    private static long RequestTokens(JsonElement completion) => completion.GetProperty("usage").GetProperty("total_tokens").GetInt64();

    private static async Task<JsonElement> WaitForAsync(SimulatorClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var stats = await client.StatsAsync();
            if (condition(stats) || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(50);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static async Task WaitUntilServingAsync(HttpClient http, ServiceProcess simulator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(simulator.HasExited, "the simulator process exited before it served");
            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the simulator did not serve /healthz within 60 s");
            await Task.Delay(100);
        }
    }
}
