using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Specs;

public sealed class SchemaReferencesTests
{
    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/missing"}}}""", "$.properties.a.$ref", "points to nothing")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"https://example.com/s.json"}}}""", "$.properties.a.$ref", "not a reference inside the schema")]
    [InlineData("""{"type":"object","anyOf":[{"$ref":"#/$defs/a"},{"$ref":"#/$defs/b"}],"$defs":{"a":{"type":"string"}}}""", "$.anyOf[1].$ref", "points to nothing")]
    public void FindUnresolvable_ReferenceToNothing_NamesIt(string schema, string path, string message)
    {
        var error = SchemaReferences.FindUnresolvable(SpecJson.Element(schema), "$");

        Assert.NotNull(error);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/a"}},"$defs":{"a":{"type":"string"}}}""")]
    [InlineData("""{"type":"object","properties":{"child":{"$ref":"#"}}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/a~1b"}},"$defs":{"a/b":{"type":"string"}}}""")]
    [InlineData("""{"type":"object","properties":{"$ref":{"type":"string"}}}""")]
    public void FindUnresolvable_LocalReferencesThatResolve_FindsNothing(string schema)
    {
        Assert.Null(SchemaReferences.FindUnresolvable(SpecJson.Element(schema), "$"));
    }
}
