using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Simulator.Generation;
using FunctionsBatch.Simulator.Tests.TestSupport;
using Json.Schema;

namespace FunctionsBatch.Simulator.Tests.Generation;

public sealed class SchemaViolatorTests
{
    [Theory]
    [InlineData(Schemas.Classification)]
    [InlineData(Schemas.Extraction)]
    [InlineData("""{"type":"object","required":["a","b"],"properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""")]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"}}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/level"}},"$defs":{"level":{"enum":["low","high"]}}}""")]
    public void Violate_ValidValue_BreaksTheSchemaButStaysJson(string schemaText)
    {
        using var schema = JsonDocument.Parse(schemaText);
        var validator = JsonSchema.FromText(schemaText);
        for (var i = 0; i < 10; i++)
        {
            var random = new DeterministicRandom((ulong)i);
            var valid = new SchemaValueGenerator(schema.RootElement, random, new TextSource([new("user", $"ticket {i}")])).Generate();
            Assert.True(IsValid(validator, valid));

            var violating = SchemaViolator.Violate(schema.RootElement, valid);

            Assert.False(IsValid(validator, violating), violating.ToJsonString());
        }
    }

    [Fact]
    public void Violate_EnumProperty_GivesAValueOutsideTheEnum()
    {
        using var schema = JsonDocument.Parse(Schemas.Classification);
        var valid = JsonNode.Parse("""{"category":"bug","priority":"low","summary":"x"}""");

        var violating = SchemaViolator.Violate(schema.RootElement, valid);

        Assert.Equal("unlisted", violating["category"]!.GetValue<string>());
        Assert.Equal("low", violating["priority"]!.GetValue<string>());
    }

    private static bool IsValid(JsonSchema validator, JsonNode? value)
    {
        using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        return validator.Evaluate(document.RootElement).IsValid;
    }
}
