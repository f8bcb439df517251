using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;
using Json.Schema;

namespace FunctionsBatch.Core.Tests.Specs;

/// <summary>
/// <c>jobs/job-spec.schema.json</c>, which editors use to complete and check specs, says what the parser says:
/// the same properties, and every spec the repository ships is valid under both.
/// </summary>
public sealed class JobSpecSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "jobs", JobCatalog.SchemaFileName);

    public static TheoryData<string> ShippedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "jobs/classify-tickets.json", "tests/FunctionsBatch.Integration.Tests/TestJobs/nightly-small.json", "tests/FunctionsBatch.Integration.Tests/IntakeJobs/tickets-intake.json" })
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void Evaluate_ShippedSpec_IsValidUnderTheSchemaAndTheParserAndPointsAtTheSchema(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        using var spec = JsonDocument.Parse(File.ReadAllText(path));

        var result = Schema().Evaluate(spec.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Empty(JobSpecParser.Validate(spec.RootElement));
        var schemaRef = spec.RootElement.GetProperty(JobSpecParser.SchemaProperty).GetString()!;
        Assert.Equal(Path.GetFullPath(SchemaPath), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaRef)));
    }

    [Fact]
    public void Properties_TopLevelAndBatch_AreExactlyThoseTheParserKnows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;

        Assert.Equal(JobSpecParser.KnownProperties.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(BatchSpecParser.KnownBatchProperties.Order(StringComparer.Ordinal), schema["properties"]!["batch"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"maxParallelChunks": 0}""")]
    [InlineData("""{"mode": "fast"}""")]
    [InlineData("""{"colour": "blue"}""")]
    [InlineData("""{"tags": {"tenant": "contoso"}}""")]
    [InlineData("""{"input": {"path": "a.jsonl", "queue": "q"}}""")]
    public void Evaluate_SpecTheParserRefuses_IsRefusedByTheSchemaToo(string change)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "jobs", "classify-tickets.json")))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            spec[name] = value?.DeepClone();
        }

        using var document = JsonDocument.Parse(spec.ToJsonString());

        Assert.NotEmpty(JobSpecParser.Validate(document.RootElement));
        Assert.False(Schema().Evaluate(document.RootElement).IsValid);
    }

    /// <summary>Read once: the schema's <c>$id</c> registers it for the whole process.</summary>
    private static readonly Lazy<JsonSchema> LoadedSchema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static JsonSchema Schema() => LoadedSchema.Value;
}
