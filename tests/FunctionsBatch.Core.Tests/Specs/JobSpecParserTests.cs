using FunctionsBatch.Core.Runs;
using System.Text.Json;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Specs;

public sealed class JobSpecParserTests
{
    [Fact]
    public void Parse_MinimalSpec_FillsDefaults()
    {
        var spec = JobSpecParser.Parse(SpecJson.Valid);

        Assert.Equal(("classify-tickets", "gpt-4o-mini", "v1"), (spec.Name, spec.Model, spec.PromptVersion));
        Assert.Equal(new PromptSpec("You classify tickets.", "Subject: {{subject}}\n{{body}}"), spec.Prompt);
        Assert.Equal((256, 4, 8), (spec.MaxOutputTokens, spec.MaxParallelChunks, spec.MaxConcurrentRequestsPerChunk));
        Assert.Equal(
            (JobSpecDefaults.MaxOutputTokens, JobSpecDefaults.MaxParallelChunks, JobSpecDefaults.MaxConcurrentRequestsPerChunk),
            (spec.MaxOutputTokens, spec.MaxParallelChunks, spec.MaxConcurrentRequestsPerChunk));
        Assert.Equal(((int?)null, (int?)null), (spec.ChunkSize, spec.ChunksPerGroup));
        Assert.Null(spec.Description);
        Assert.Null(spec.ResponseSchema);
        Assert.Null(spec.Schedule);
        Assert.Null(spec.Input);
        Assert.Equal(("contoso", "triage"), (spec.Tenant, spec.Feature));
    }

    [Fact]
    public void Parse_FullSpec_ReadsEveryProperty()
    {
        const string json = """
            {
              "name": "extract-invoices",
              "description": "Pull totals out of invoices.",
              "prompt": { "user": "Invoice {{invoice.number}}: {{text}}" },
              "promptVersion": "2026-11-27.2",
              "model": "gpt-4.1-mini",
              "responseSchema": { "type": "object", "properties": { "total": { "type": "number" } }, "required": ["total"] },
              "maxOutputTokens": 512,
              "chunkSize": 250,
              "maxParallelChunks": 16,
              "maxConcurrentRequestsPerChunk": 32,
              "tags": { "tenant": "fabrikam", "feature": "ap-automation", "costCenter": "cc-42" },
              "schedule": "0 30 1 * * *",
              "input": { "path": "samples/invoices.jsonl" }
            }
            """;

        var spec = JobSpecParser.Parse(json);

        Assert.Equal(("extract-invoices", "Pull totals out of invoices.", "2026-11-27.2", "gpt-4.1-mini"), (spec.Name, spec.Description, spec.PromptVersion, spec.Model));
        Assert.Equal(new PromptSpec(string.Empty, "Invoice {{invoice.number}}: {{text}}"), spec.Prompt);
        Assert.Equal((512, 250, 16, 32), (spec.MaxOutputTokens, spec.ChunkSize, spec.MaxParallelChunks, spec.MaxConcurrentRequestsPerChunk));
        Assert.Equal("number", spec.ResponseSchema!.Value.GetProperty("properties").GetProperty("total").GetProperty("type").GetString());
        Assert.Equal("cc-42", spec.Tags["costCenter"]);
        Assert.Equal(("fabrikam", "ap-automation"), (spec.Tenant, spec.Feature));
        Assert.Equal("0 30 1 * * *", spec.Schedule);
        Assert.Equal(new RunSource(RunSourceKinds.File, "samples/invoices.jsonl"), spec.Input);
    }

    [Theory]
    // missing required properties
    [InlineData("name", null, "$.name", "is required")]
    [InlineData("prompt", null, "$.prompt", "is required")]
    [InlineData("prompt.user", null, "$.prompt.user", "is required")]
    [InlineData("model", null, "$.model", "is required")]
    [InlineData("promptVersion", null, "$.promptVersion", "is required")]
    [InlineData("tags", null, "$.tags", "is required, with at least 'tenant' and 'feature'")]
    // wrong types
    [InlineData("name", "42", "$.name", "must be a string, not the number 42")]
    [InlineData("model", "true", "$.model", "must be a string, not the boolean true")]
    [InlineData("promptVersion", "\"  \"", "$.promptVersion", "must not be empty")]
    [InlineData("prompt", "\"Classify {{body}}\"", "$.prompt", "must be an object with 'system' and 'user', not the string")]
    [InlineData("prompt.system", "[]", "$.prompt.system", "must be a string, not an array")]
    [InlineData("description", "{}", "$.description", "must be a string, not an object")]
    [InlineData("chunkSize", "\"100\"", "$.chunkSize", "must be a whole number between 1 and 5000, not the string \"100\"")]
    [InlineData("chunkSize", "2.5", "$.chunkSize", "must be a whole number between 1 and 5000, not the number 2.5")]
    [InlineData("chunkSize", "3000000000", "$.chunkSize", "must be a whole number between 1 and 5000")]
    [InlineData("maxParallelChunks", "null", "$.maxParallelChunks", "must be a whole number between 1 and 256, not null")]
    [InlineData("tags", "[]", "$.tags", "must be an object of string values, not an array")]
    [InlineData("tags.tenant", "7", "$.tags.tenant", "must be a string, not the number 7")]
    [InlineData("schedule", "5", "$.schedule", "must be a string, not the number 5")]
    // out of range
    [InlineData("chunkSize", "0", "$.chunkSize", "must be between 1 and 5000, was 0")]
    [InlineData("chunkSize", "5001", "$.chunkSize", "must be between 1 and 5000, was 5001")]
    [InlineData("maxParallelChunks", "0", "$.maxParallelChunks", "must be between 1 and 256, was 0")]
    [InlineData("maxParallelChunks", "257", "$.maxParallelChunks", "must be between 1 and 256, was 257")]
    [InlineData("maxOutputTokens", "0", "$.maxOutputTokens", "must be between 1 and 128000, was 0")]
    [InlineData("maxOutputTokens", "128001", "$.maxOutputTokens", "must be between 1 and 128000, was 128001")]
    [InlineData("maxConcurrentRequestsPerChunk", "65", "$.maxConcurrentRequestsPerChunk", "must be between 1 and 64, was 65")]
    // unknown properties
    [InlineData("chunksize", "50", "$.chunksize", "is not a known spec property")]
    [InlineData("prompt.assistant", "\"hi\"", "$.prompt.assistant", "is not a known prompt property")]
    // name pattern
    [InlineData("name", "\"Classify_Tickets\"", "$.name", "must be 1-63 characters of lower-case letters, digits and '-', starting with a letter")]
    [InlineData("name", "\"1-classify\"", "$.name", "must be 1-63 characters")]
    [InlineData("name", "\"-classify\"", "$.name", "must be 1-63 characters")]
    [InlineData("name", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "$.name", "must be 1-63 characters")]
    [InlineData("name", "\"\"", "$.name", "must not be empty")]
    // user template
    [InlineData("prompt.user", "\"Classify this ticket.\"", "$.prompt.user", "has no {{field}} placeholder")]
    [InlineData("prompt.user", "\"Ticket: {{body\"", "$.prompt.user", "placeholder at offset 8 is not closed with '}}'")]
    [InlineData("prompt.user", "\"Ticket: {{ 1body }}\"", "$.prompt.user", "placeholder '{{1body}}' at offset 8 is not a field name")]
    // response schema
    [InlineData("responseSchema", "\"object\"", "$.responseSchema", "must be a JSON Schema object, not the string \"object\"")]
    [InlineData("responseSchema", "[]", "$.responseSchema", "must be a JSON Schema object, not an array")]
    [InlineData("responseSchema", "{\"type\":\"array\"}", "$.responseSchema.type", "must be \"object\"")]
    [InlineData("responseSchema", "{\"properties\":{}}", "$.responseSchema.type", "must be \"object\"")]
    // tags
    [InlineData("tags.tenant", null, "$.tags.tenant", "is required for cost attribution")]
    [InlineData("tags.feature", null, "$.tags.feature", "is required for cost attribution")]
    [InlineData("tags.feature", "\" \"", "$.tags.feature", "must not be empty")]
    [InlineData("tags.tenant", "\"ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt\"", "$.tags.tenant", "must be at most 250 characters, was 251")]
    [InlineData("tags.feature", "\"a\\u0007b\"", "$.tags.feature", "must not contain control characters")]
    [InlineData("promptVersion", "\"v1\\n\"", "$.promptVersion", "must not contain control characters")]
    // schedule
    [InlineData("schedule", "\"0 2 * * *\"", "$.schedule", "must be a 6-field NCRONTAB expression (second minute hour day month weekday), got 5 fields")]
    [InlineData("schedule", "\"nightly\"", "$.schedule", "must be a 6-field NCRONTAB expression (second minute hour day month weekday), got 1 fields")]
    [InlineData("schedule", "\"0 0 25 * * *\"", "$.schedule", "'0 0 25 * * *' is not a valid NCRONTAB expression")]
    [InlineData("schedule", "\"a b c d e f\"", "$.schedule", "is not a valid NCRONTAB expression")]
    // input
    [InlineData("input", "\"samples/tickets.jsonl\"", "$.input", "must be an object like {\"path\": \"data/records.jsonl\"}")]
    [InlineData("input", "{}", "$.input", "must have exactly one of 'path'")]
    [InlineData("input", "{\"path\":3}", "$.input.path", "must be a non-empty string, not the number 3")]
    [InlineData("input", "{\"queue\":\"Tickets_Intake\"}", "$.input.queue", "must be lower-case letters, digits and single hyphens")]
    [InlineData("input", "{\"queue\":\"q\"}", "$.input.queue", "must be 3 to 56 characters")]
    [InlineData("input", "{\"blob\":{\"prefix\":\"a/\"}}", "$.input.blob.container", "is required")]
    [InlineData("input", "{\"blob\":{\"container\":\"c\",\"format\":\"xml\"}}", "$.input.blob.format", "must be \"jsonl\" or \"csv\"")]
    [InlineData("input", "{\"blob\":{\"container\":\"c\",\"filter\":\"x\"}}", "$.input.blob.filter", "is not a known property")]
    public void Parse_SpecWithOneProblem_ReportsItAtItsJsonPath(string property, string? rawJson, string path, string message)
    {
        var ex = Assert.Throws<JobSpecException>(() => JobSpecParser.Parse(SpecJson.With(property, rawJson)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50, null)]
    [InlineData(51, "may hold at most 50 tags")]
    [InlineData(2_000, "may hold at most 50 tags")]
    public void Validate_ManyTags_AcceptsUpToTheLimitThatFitsACostRow(int count, string? message)
    {
        var tags = string.Join(',', Enumerable.Range(0, count - 2).Select(i => $"\"t{i}\":\"v\"").Prepend("\"tenant\":\"a\",\"feature\":\"b\""));
        using var document = JsonDocument.Parse(SpecJson.With("tags", $"{{{tags}}}"));

        var errors = JobSpecParser.Validate(document.RootElement);

        if (message is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(("$.tags", message), (error.Path, error.Message[..message.Length]));
        }
    }

    [Theory]
    [InlineData("name", "\"a\"")]
    [InlineData("name", "\"x2-nightly-9\"")]
    [InlineData("name", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("chunkSize", "1")]
    [InlineData("chunkSize", "5000")]
    [InlineData("maxParallelChunks", "256")]
    [InlineData("maxOutputTokens", "128000")]
    [InlineData("maxConcurrentRequestsPerChunk", "64")]
    [InlineData("prompt.user", "\"{{ body }}\"")]
    [InlineData("responseSchema", "{\"type\":\"object\"}")]
    [InlineData("schedule", "\"0 */5 * * * *\"")]
    public void Validate_ValueAtTheEdgeOfWhatIsAllowed_ReportsNothing(string property, string rawJson)
    {
        using var document = JsonDocument.Parse(SpecJson.With(property, rawJson));

        Assert.Empty(JobSpecParser.Validate(document.RootElement));
    }

    [Fact]
    public void Parse_SpecWithManyProblems_ReportsEveryOne()
    {
        const string json = """
            {
              "name": "Bad Name",
              "prompt": { "user": "no placeholder at all" },
              "model": 4,
              "chunkSize": 0,
              "chunksize": 10,
              "maxParallelChunks": 1000,
              "responseSchema": { "type": "array" },
              "tags": { "tenant": "contoso" },
              "schedule": "0 2 * * *",
              "input": {}
            }
            """;

        var ex = Assert.Throws<JobSpecException>(() => JobSpecParser.Parse(json));

        string[] expected =
        [
            "$.chunksize", "$.name", "$.prompt.user", "$.promptVersion", "$.model", "$.responseSchema.type",
            "$.chunkSize", "$.maxParallelChunks", "$.tags.feature", "$.schedule", "$.input",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, not an array")]
    [InlineData("\"spec\"", "must be a JSON object, not the string \"spec\"")]
    [InlineData("{ \"name\": ", "is not valid JSON")]
    public void Parse_NotAJsonObject_ReportsTheRoot(string json, string message)
    {
        var ex = Assert.Throws<JobSpecException>(() => JobSpecParser.Parse(json));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithBasePath_PrefixesEveryErrorPath()
    {
        using var document = JsonDocument.Parse(SpecJson.With(SpecJson.With("chunkSize", "0"), "tags.tenant", null));

        var errors = JobSpecParser.Validate(document.RootElement, "$.spec");

        Assert.Equal(["$.spec.chunkSize", "$.spec.tags.tenant"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("responseSchema")]
    [InlineData("schedule")]
    [InlineData("input")]
    [InlineData("description")]
    public void Parse_OptionalPropertyNull_TreatsItAsAbsent(string property)
    {
        var spec = JobSpecParser.Parse(SpecJson.With(property, "null"));

        Assert.Equal(JobSpecParser.Parse(SpecJson.Valid) with { Tags = spec.Tags }, spec);
    }

    [Fact]
    public void Parse_ResponseSchema_StaysReadableAfterTheDocumentIsDisposed()
    {
        var spec = JobSpecParser.Parse(SpecJson.With("responseSchema", """{"type":"object","required":["category"]}"""));

        Assert.Equal("category", spec.ResponseSchema!.Value.GetProperty("required")[0].GetString());
    }
}
