using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Records;

public sealed class DuplicateKeysTests
{
    [Theory]
    [InlineData("""{"chunkSize":0,"name":"x","chunkSize":100}""", "$.chunkSize")]
    [InlineData("""{"records":[{"id":"a"},{"id":"b","id":"c"}]}""", "$.records[1].id")]
    [InlineData("""{"spec":{"tags":{"tenant":"a","tenant":"b"}}}""", "$.spec.tags.tenant")]
    public void Find_KeyGivenTwiceInOneObject_NamesIt(string json, string path)
    {
        Assert.Equal(path, DuplicateKeys.Find(SpecJson.Element(json), "$"));
    }

    [Fact]
    public void Find_SameKeyInDifferentObjects_IsFine()
    {
        Assert.Null(DuplicateKeys.Find(SpecJson.Element("""{"id":"a","nested":{"id":"b"},"list":[{"id":"c"},{"id":"d"}]}"""), "$"));
    }
}
