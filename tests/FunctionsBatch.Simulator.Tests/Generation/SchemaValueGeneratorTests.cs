using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Generation;
using FunctionsBatch.Simulator.Tests.TestSupport;
using Json.Schema;

namespace FunctionsBatch.Simulator.Tests.Generation;

public sealed class SchemaValueGeneratorTests
{
    private static readonly TextSource Text = new([new ChatMessageText("user", "The nightly export to the warehouse failed again with error E42 after the upgrade")]);

    [Theory]
    [InlineData(Schemas.Classification)]
    [InlineData(Schemas.Extraction)]
    public void Generate_ManySeeds_AlwaysValidAgainstSchema(string schema)
    {
        var validator = JsonSchema.FromText(schema);
        for (ulong seed = 0; seed < 500; seed++)
        {
            var json = Generate(schema, seed * 104_729)!.ToJsonString();

            using var document = JsonDocument.Parse(json);
            Assert.True(validator.Evaluate(document.RootElement).IsValid, json);
        }
    }

    [Fact]
    public void Generate_SameSeed_ReturnsSameValue()
    {
        const string Schema = """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"},"c":{"type":"array","items":{"type":"number"}}}}""";

        Assert.Equal(Generate(Schema, 7)?.ToJsonString(), Generate(Schema, 7)?.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_IntegerWithBounds_StaysWithinBounds(ulong seed)
    {
        var value = Generate("""{"type":"integer","minimum":-2,"exclusiveMaximum":3}""", seed)!.GetValue<long>();

        Assert.InRange(value, -2, 2);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_NumberWithBounds_StaysWithinBounds(ulong seed)
    {
        var value = Generate("""{"type":"number","exclusiveMinimum":0,"maximum":0.5}""", seed)!.GetValue<double>();

        Assert.True(value is > 0 and <= 0.5, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_StringWithLengthBounds_FitsBounds(ulong seed)
    {
        var value = Generate("""{"type":"string","minLength":30,"maxLength":45}""", seed)!.GetValue<string>();

        Assert.InRange(value.Length, 30, 45);
    }

    [Fact]
    public void Generate_FreeText_UsesWordsOfTheUserMessage()
    {
        var value = Generate("""{"type":"string"}""", 3)!.GetValue<string>();

        var words = value.TrimEnd('.').Split(' ');
        Assert.All(words, w => Assert.Contains(w, "The nightly export to the warehouse failed again with error E42 after the upgrade", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generate_ArrayWithItemBounds_RespectsMinAndMaxItems(ulong seed)
    {
        var value = Generate("""{"type":"array","minItems":2,"maxItems":3,"items":{"type":"boolean"}}""", seed)!.AsArray();

        Assert.InRange(value.Count, 2, 3);
    }

    [Fact]
    public void Generate_Const_ReturnsTheConstant()
    {
        var value = Generate("""{"const":{"kind":"fixed","n":[1,2]}}""", 1);

        Assert.Equal("""{"kind":"fixed","n":[1,2]}""", value!.ToJsonString());
    }

    [Fact]
    public void Generate_AnyOfWithNullBranch_PicksTheNonNullBranch()
    {
        var value = Generate("""{"anyOf":[{"type":"null"},{"type":"integer","minimum":5,"maximum":5}]}""", 1);

        Assert.Equal(5, value!.GetValue<long>());
    }

    [Fact]
    public void Generate_EnumNotMentioned_PicksAMember()
    {
        var value = Generate("""{"enum":["alpha","beta",3]}""", 11);

        Assert.Contains(value!.ToJsonString(), new[] { "\"alpha\"", "\"beta\"", "3" });
    }

    [Fact]
    public void Generate_SelfReferencingSchema_ThrowsInvalidRequest()
    {
        Assert.Throws<InvalidChatRequestException>(() => Generate("""{"$ref":"#"}""", 1));
    }

    public static TheoryData<ulong> Seeds()
    {
        var data = new TheoryData<ulong>();
        for (ulong seed = 0; seed < 25; seed++)
        {
            data.Add(seed * 7919);
        }

        return data;
    }

    private static JsonNode? Generate(string schema, ulong seed)
    {
        using var document = JsonDocument.Parse(schema);
        return new SchemaValueGenerator(document.RootElement, new DeterministicRandom(seed), Text).Generate();
    }
}
