using System.Text.Json;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Runs;

public sealed class InputSourceParserTests
{
    [Theory]
    [InlineData("{\"path\":\"samples/tickets.jsonl\"}", RunSourceKinds.File, "samples/tickets.jsonl", InputFormats.Jsonl)]
    [InlineData("{\"blob\":\"inputs/day.jsonl\"}", RunSourceKinds.Blob, "inputs/day.jsonl", InputFormats.Jsonl)]
    [InlineData("{\"blob\":{\"container\":\"inputs\",\"prefix\":\"2026/11/\",\"format\":\"csv\"}}", RunSourceKinds.BlobPrefix, "inputs/2026/11/", InputFormats.Csv)]
    [InlineData("{\"blob\":{\"container\":\"inputs\"}}", RunSourceKinds.BlobPrefix, "inputs/", InputFormats.Jsonl)]
    [InlineData("{\"queue\":\"tickets-intake\"}", RunSourceKinds.Queue, "tickets-intake", InputFormats.Jsonl)]
    public void Read_EachForm_GivesItsSource(string json, string kind, string location, string format)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<SpecError>();

        var source = InputSourceParser.Read(document.RootElement, "$.input", errors);

        Assert.Empty(errors);
        Assert.Equal(new RunSource(kind, location, format), source);
    }

    [Theory]
    [InlineData("{\"queue\":\"tickets--intake\"}", "$.input.queue")]
    [InlineData("{\"queue\":\"a-queue-name-that-is-far-too-long-to-leave-room-for-its-poison\"}", "$.input.queue")]
    [InlineData("{\"blob\":{\"container\":\"in/puts\"}}", "$.input.blob.container")]
    [InlineData("{\"blob\":\"no-slash\"}", "$.input.blob")]
    [InlineData("{\"path\":\"a\",\"queue\":\"b-queue\"}", "$.input")]
    public void Read_BadInput_ReportsItsPathAndNoSource(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<SpecError>();

        var source = InputSourceParser.Read(document.RootElement, "$.input", errors);

        Assert.Null(source);
        Assert.Equal(path, Assert.Single(errors).Path);
    }
}
