using System.ClientModel.Primitives;
using System.Text;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>An error answer as the SDK hands it to the classifier: status, headers and a buffered body.</summary>
public sealed class FakePipelineResponse(int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null) : PipelineResponse
{
    private readonly FakePipelineResponseHeaders _headers = new(headers ?? new Dictionary<string, string>());
    private readonly BinaryData _content = BinaryData.FromString(body ?? string.Empty);

    public override int Status => status;

    public override string ReasonPhrase => string.Empty;

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => _content;

    protected override PipelineResponseHeaders HeadersCore => _headers;

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => _content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_content);

    public override void Dispose()
    {
    }

    public static FakePipelineResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, $$$"""{"error":{"code":{{{Quote(code)}}},"message":{{{Quote(message)}}}}}""", headers);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
