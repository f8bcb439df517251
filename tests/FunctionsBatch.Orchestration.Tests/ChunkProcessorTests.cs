using System.Text.Json;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Processing;
using FunctionsBatch.Orchestration.Tests.Fakes;
using FunctionsBatch.Orchestration.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsBatch.Orchestration.Tests;

public sealed class ChunkProcessorTests
{
    private const string Schema = """{"type":"object","properties":{"category":{"type":"string"}},"required":["category"]}""";
    private static readonly ChunkRef Chunk = new("run-1", 3);

    private readonly FakeRunStaging _staging = new();
    private readonly FakeRunResultStore _results = new();
    private readonly FakeRecordLedger _ledger = new();
    private readonly FakeRunExporter _exporter = new();

    [Fact]
    public async Task ProcessAsync_Record_SendsTheRenderedPromptToTheJobsDeployment()
    {
        var model = new FakeChatModelClient(_ => Ok("{\"category\":\"bug\"}"));
        Stage(TestSpecs.Job(responseSchema: Schema), TestSpecs.Ticket("t-1", subject: "Crash", body: "It crashes on save."));

        await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var request = Assert.Single(model.Requests);
        Assert.Equal(("gpt-4o-mini", 256, "classify-test"), (request.Deployment, request.MaxOutputTokens, request.SchemaName));
        Assert.Equal(
            [("system", "Classify the ticket."), ("user", "Subject: Crash\nIt crashes on save.")],
            request.Messages.Select(m => (m.Role, m.Content)));
        Assert.Equal("object", request.ResponseSchema!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ProcessAsync_OneRecordFails_NeighboursStillSucceed()
    {
        var model = new FakeChatModelClient(request => request.Messages[^1].Content.Contains("poison", StringComparison.Ordinal)
            ? ChatCallResult.Failure(500, RecordErrorCodes.ServerError, "upstream failed", retryable: true, retryAfter: null, latencyMs: 9) with { Attempts = 3 }
            : Ok("fine"));
        Stage(TestSpecs.Job(), Enumerable.Range(0, 5).Select(i => TestSpecs.Ticket($"t-{i}", subject: i == 2 ? "poison" : "ok")).ToArray());

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        Assert.Equal((5, 4, 1, 4 + 3), (summary.Counters.Records, summary.Counters.Succeeded, summary.Counters.Failed, summary.Counters.Requests));
        var failed = _results.Row("run-1", "t-2");
        Assert.Equal((RecordStatus.Failed, RecordErrorCodes.ServerError, 500, 3, "upstream failed"), (failed.Status, failed.ErrorCode, failed.HttpStatus, failed.Attempts, failed.ErrorMessage));
        Assert.All(
            new[] { "t-0", "t-1", "t-3", "t-4" }.Select(id => _results.Row("run-1", id)),
            row => Assert.Equal((RecordStatus.Succeeded, "fine", (string?)null), (row.Status, row.Output, row.ErrorCode)));
    }

    [Theory]
    [InlineData("""{"id":"t-1","subject":"No body here"}""", "body")]
    [InlineData("""{"id":"t-1","subject":"Null body","body":null}""", "body")]
    [InlineData("""{"id":"t-1","body":"No subject here"}""", "subject")]
    public async Task ProcessAsync_RecordLacksTemplateField_FailsWithMissingFieldWithoutCallingTheModel(string record, string field)
    {
        var model = new FakeChatModelClient(_ => Ok("fine"));
        Stage(TestSpecs.Job(), TestSpecs.Ticket("t-0"), TestSpecs.Record(record));

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var row = _results.Row("run-1", "t-1");
        Assert.Equal((RecordStatus.Failed, RecordErrorCodes.MissingField, 0, TokenUsage.Zero), (row.Status, row.ErrorCode, row.Attempts, row.Usage));
        Assert.Contains(field, row.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(model.Requests, r => r.Messages[^1].Content.Contains("here", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (model.Requests.Count, summary.Counters.Succeeded, summary.Counters.Failed));
    }

    [Theory]
    [InlineData("Sure! The category is bug.")]
    [InlineData("""["bug"]""")]
    [InlineData("""{"category": "bug" """)]
    public async Task ProcessAsync_SchemaJobGetsNonObjectOutputTwice_ReAsksOnceThenFailsWithInvalidOutputAndKeepsTheRawText(string output)
    {
        var usage = new TokenUsage(120, 0, 30);
        var model = new FakeChatModelClient(_ => ChatCallResult.Success(output, usage, latencyMs: 40));
        Stage(TestSpecs.Job(responseSchema: Schema), TestSpecs.Ticket("t-1"));

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var row = _results.Row("run-1", "t-1");
        Assert.Equal((RecordStatus.Failed, RecordErrorCodes.InvalidOutput, output), (row.Status, row.ErrorCode, row.Output));
        Assert.Equal((usage + usage, 2, 200), (row.Usage, row.Attempts, row.HttpStatus));
        Assert.Equal((0, 1, usage + usage, 1), (summary.Counters.Succeeded, summary.Counters.Failed, summary.Counters.Usage, summary.Counters.Repairs));
        var reAsk = model.Requests[1].Messages;
        Assert.Equal(("assistant", output), (reAsk[^2].Role, reAsk[^2].Content));
        Assert.Contains("does not match the required JSON schema", reAsk[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_SchemaViolationThenValidRepair_SucceedsAndCountsTheRepair()
    {
        var answers = new Queue<string>(["""{"category": 7}""", """{"category":"bug"}"""]);
        var model = new FakeChatModelClient(_ => Ok(answers.Dequeue()));
        Stage(TestSpecs.Job(responseSchema: Schema), TestSpecs.Ticket("t-1"));

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var row = _results.Row("run-1", "t-1");
        Assert.Equal((RecordStatus.Succeeded, """{"category":"bug"}""", 2), (row.Status, row.Output, row.Attempts));
        Assert.Equal((1, 1), (summary.Counters.Succeeded, summary.Counters.Repairs));
        Assert.Contains("/category", model.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_ChunkRedoneAfterCrash_ReusesRowsAlreadyWrittenAndCallsTheModelOnlyForTheRest()
    {
        var model = new FakeChatModelClient(_ => Ok("fine"));
        Stage(TestSpecs.Job(), Enumerable.Range(0, 4).Select(i => TestSpecs.Ticket($"t-{i}")).ToArray());
        var earlier = new RecordResult("run-1", "t-1", Chunk.ChunkIndex, RecordStatus.Succeeded, "earlier", new TokenUsage(50, 0, 5), 10, 1, 200, null, null);
        await _results.UpsertAsync([earlier], CancellationToken.None);

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        Assert.Equal(3, model.Requests.Count);
        Assert.Equal("earlier", _results.Row("run-1", "t-1").Output);
        Assert.Equal((4, 4), (summary.Counters.Records, summary.Counters.Succeeded));
        Assert.Equal(50, summary.Counters.Usage.PromptTokens - (3 * Ok("fine").Usage.PromptTokens));
    }

    [Theory]
    [InlineData(ChunkStart.Again, 3)]
    [InlineData(ChunkStart.Unknown, 0)]
    public async Task ProcessAsync_ChunkRedoneAfterCrash_CountsTheCallsTheDeadExecutionMayHavePaidForAsWaste(ChunkStart start, int redoneCalls)
    {
        _staging.ChunkStart = start;
        var model = new FakeChatModelClient(_ => Ok("fine"));
        Stage(TestSpecs.Job(), Enumerable.Range(0, 4).Select(i => TestSpecs.Ticket($"t-{i}")).ToArray());
        await _results.UpsertAsync([new RecordResult("run-1", "t-1", Chunk.ChunkIndex, RecordStatus.Succeeded, "earlier", new TokenUsage(50, 0, 5), 10, 1, 200, null, null)], CancellationToken.None);

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        // The three records asked again were in flight or unwritten when the first execution died: billed twice.
        var call = Ok("fine").Usage;
        Assert.Equal(redoneCalls * call.TotalTokens, summary.Counters.Waste?.Redone ?? 0);
        Assert.Equal(new TokenUsage(50 + ((3 + redoneCalls) * call.PromptTokens), 0, 5 + ((3 + redoneCalls) * call.CompletionTokens)), summary.Counters.Usage);
    }

    [Fact]
    public async Task ProcessAsync_SameRecordsInALaterRun_ReusesLedgerAnswersAndSpendsNoTokens()
    {
        var model = new FakeChatModelClient(_ => Ok("fine"));
        var tickets = Enumerable.Range(0, 3).Select(i => TestSpecs.Ticket($"t-{i}", subject: $"#{i}#")).ToArray();
        Stage(TestSpecs.Job(), tickets);
        await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var laterRun = new ChunkRef("run-2", 0);
        _staging.AddSpec(laterRun.RunId, TestSpecs.Job());
        _staging.AddChunk(laterRun, [tickets[0], tickets[1], TestSpecs.Ticket("t-2", subject: "#changed#")]);
        var summary = await Processor(model).ProcessAsync(laterRun, CancellationToken.None);

        Assert.Equal(4, model.Requests.Count);
        Assert.Equal((3, 2, 100L), (summary.Counters.Succeeded, summary.Counters.LedgerHits, summary.Counters.Usage.PromptTokens));
        var reused = _results.Row("run-2", "t-0");
        Assert.Equal((true, "fine", 0, 0L), (reused.FromLedger, reused.Output, reused.Attempts, reused.Usage.PromptTokens));
        Assert.Equal(_results.Row("run-1", "t-0").ContentKey, reused.ContentKey);
        Assert.False(_results.Row("run-2", "t-2").FromLedger);
    }

    [Fact]
    public async Task ProcessAsync_SpecSaysReprocess_CallsTheModelEvenForKnownRecords()
    {
        var model = new FakeChatModelClient(_ => Ok("fine"));
        Stage(TestSpecs.Job(), TestSpecs.Ticket("t-0"));
        await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var laterRun = new ChunkRef("run-2", 0);
        _staging.AddSpec(laterRun.RunId, TestSpecs.Job() with { Reprocess = true });
        _staging.AddChunk(laterRun, [TestSpecs.Ticket("t-0")]);
        var summary = await Processor(model).ProcessAsync(laterRun, CancellationToken.None);

        Assert.Equal((2, 0), (model.Requests.Count, summary.Counters.LedgerHits));
    }

    [Fact]
    public async Task ProcessAsync_PromptLargerThanContextWindow_FailsThatRecordWithoutCallingTheModel()
    {
        var model = new FakeChatModelClient(_ => Ok("fine"));
        var huge = string.Join(' ', Enumerable.Repeat("lorem", 2_000));
        Stage(TestSpecs.Job(), TestSpecs.Ticket("t-big", body: huge), TestSpecs.Ticket("t-small"));

        var processor = new ChunkProcessor(_staging, model, _results, _ledger, _exporter, PriceTable.Default,
            new ModelLimits(new Dictionary<string, int> { ["gpt-4o-mini"] = 1_000 }), NullLogger<ChunkProcessor>.Instance);
        var summary = await processor.ProcessAsync(Chunk, CancellationToken.None);

        var row = _results.Row("run-1", "t-big");
        Assert.Equal((RecordStatus.Failed, RecordErrorCodes.ContextLengthExceeded, 0), (row.Status, row.ErrorCode, row.Attempts));
        Assert.Single(model.Requests);
        Assert.Equal((1, 1), (summary.Counters.Succeeded, summary.Counters.Failed));
    }

    [Theory]
    [InlineData(Schema, """{"category":"bug"}""")]
    [InlineData(null, "Sure! The category is bug.")]
    public async Task ProcessAsync_OutputFitsTheJob_SucceedsWithTheOutputStored(string? schema, string output)
    {
        var model = new FakeChatModelClient(_ => Ok(output));
        Stage(TestSpecs.Job(responseSchema: schema), TestSpecs.Ticket("t-1"));

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var row = _results.Row("run-1", "t-1");
        Assert.Equal((RecordStatus.Succeeded, output, (string?)null), (row.Status, row.Output, row.ErrorCode));
        Assert.Equal(1, summary.Counters.Succeeded);
    }

    [Fact]
    public async Task ProcessAsync_RecordsWithUsage_SumsUsageAndPricesTheTotal()
    {
        // Record i uses 1,000×(i+1) prompt tokens of which 200×i cached, and 100×(i+1) completion tokens; t-3 needed
        // three attempts after two 429s. Sums over i = 0..3: prompt 10,000, cached 1,200, completion 1,000.
        // gpt-4o-mini: 8,800 uncached × 0.15 = 1,320 µ$; 1,200 cached × 0.075 = 90 µ$; 1,000 out × 0.60 = 600 µ$ → 2,010 µ$.
        var model = new FakeChatModelClient(request =>
        {
            var i = int.Parse(request.Messages[^1].Content.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture);
            var result = ChatCallResult.Success("ok", new TokenUsage(1_000 * (i + 1), 200 * i, 100 * (i + 1)), latencyMs: 5);
            return i == 3 ? result with { Attempts = 3, Throttled = 2 } : result;
        });
        Stage(TestSpecs.Job(), Enumerable.Range(0, 4).Select(i => TestSpecs.Ticket($"t-{i}", subject: $"#{i}#")).ToArray());

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        Assert.Equal(new TokenUsage(10_000, 1_200, 1_000), summary.Counters.Usage);
        Assert.Equal(2_010, summary.Counters.CostMicros);
        Assert.Equal((3, 6, 2), (summary.ChunkIndex, summary.Counters.Requests, summary.Counters.Throttled));
        Assert.Equal(new TokenUsage(4_000, 600, 400), _results.Row("run-1", "t-3").Usage);
    }

    [Fact]
    public async Task ProcessAsync_Chunk_UpsertsOneRowPerRecordInOneBatch()
    {
        var model = new FakeChatModelClient(request => request.Messages[^1].Content.Contains("#4#", StringComparison.Ordinal)
            ? ChatCallResult.Failure(400, RecordErrorCodes.ContentFilter, "filtered", retryable: false, retryAfter: null, latencyMs: 3)
            : Ok("ok"));
        var ids = Enumerable.Range(0, 7).Select(i => $"t-{i}").ToArray();
        Stage(TestSpecs.Job(maxConcurrentRequestsPerChunk: 3), ids.Select((id, i) => TestSpecs.Ticket(id, subject: $"#{i}#")).ToArray());

        var summary = await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var batch = Assert.Single(_results.Batches);
        Assert.Equal(ids, batch.Select(r => r.RecordId).Order(StringComparer.Ordinal));
        Assert.All(batch, r => Assert.Equal(("run-1", 3), (r.RunId, r.ChunkIndex)));
        Assert.Equal(7, model.Requests.Count);
        Assert.Equal((7, 6, 1), (summary.Counters.Records, summary.Counters.Succeeded, summary.Counters.Failed));
    }

    [Fact]
    public async Task ProcessAsync_Chunk_StagesEveryRecordsRowAsTheChunksExportPart()
    {
        var model = new FakeChatModelClient(request => request.Messages[^1].Content.Contains("poison", StringComparison.Ordinal)
            ? ChatCallResult.Failure(400, RecordErrorCodes.ModelError, "refused", retryable: false, retryAfter: null, latencyMs: 1)
            : Ok("fine"));
        Stage(TestSpecs.Job(), TestSpecs.Ticket("t-0"), TestSpecs.Ticket("t-1", subject: "poison"), TestSpecs.Ticket("t-2"));

        await Processor(model).ProcessAsync(Chunk, CancellationToken.None);

        var (key, rows) = Assert.Single(_exporter.Parts);
        Assert.Equal(new ExportPart("classify-test", "run-1", 3, ExportPart.Online, 0).Key, key);
        Assert.Equal(
            _results.Batches.SelectMany(b => b).Select(r => (r.RecordId, r.Status)).Order(),
            rows.Select(r => (r.RecordId, r.Status)).Order());
        Assert.Equal(RecordStatus.Failed, rows.Single(r => r.RecordId == "t-1").Status);
    }

    private static ChatCallResult Ok(string content) => ChatCallResult.Success(content, new TokenUsage(100, 0, 10), latencyMs: 5);

    private void Stage(JobSpec spec, params JsonElement[] records)
    {
        _staging.AddSpec(Chunk.RunId, spec);
        _staging.AddChunk(Chunk, records);
    }

    private ChunkProcessor Processor(FakeChatModelClient model) =>
        new(_staging, model, _results, _ledger, _exporter, PriceTable.Default, ModelLimits.Default, NullLogger<ChunkProcessor>.Instance);
}
