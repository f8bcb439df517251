using System.Text;
using System.Text.Json;
using FunctionsBatch.Core.Intake;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Records;

public sealed class JsonTextCheckTests
{
    [Theory]
    [InlineData("""{"id":"a","body":"x\udc00y"}""", "$.body")]
    [InlineData("""{"id":"a","body":"\ud800"}""", "$.body")]
    [InlineData("""{"id":"a","meta":{"tags":["ok","\udfff"]}}""", "$.meta.tags[1]")]
    [InlineData("""{"id":"a","\ud800k":1}""", "$.(property 1)")]
    public void FindInvalid_LoneSurrogate_NamesItsPath(string json, string path)
    {
        Assert.Equal(path, JsonTextCheck.FindInvalid(SpecJson.Element(json), "$"));
    }

    [Fact]
    public void FindInvalid_BytesThatAreNotUtf8_NamesTheirPath()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"a","body":"x""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        using var document = JsonDocument.Parse(bytes);

        Assert.Equal("$.body", JsonTextCheck.FindInvalid(document.RootElement, "$"));
    }

    [Fact]
    public void FindInvalid_TextWithSurrogatePairsAndEscapes_IsFine()
    {
        var record = SpecJson.Element("""{"id":"é-✓","body":"\ud83d\ude00 😀 \u0000 \n","n":1,"list":[true,null,{"k":"v"}]}""");

        Assert.Null(JsonTextCheck.FindInvalid(record, "$"));
    }

    [Fact]
    public void Decode_QueueMessageWithALoneSurrogate_IsAnInvalidRecordNamingTheField()
    {
        var decoded = QueueMessageDecoder.Decode("""{"id":"m-1","body":"\udc00"}""", out var code, out var problem);

        Assert.Null(decoded);
        Assert.Equal(IntakeErrorCodes.InvalidRecord, code);
        Assert.StartsWith("$.body is not valid Unicode text", problem, StringComparison.Ordinal);
    }
}
