using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FunctionsBatch.Client;

/// <summary>
/// The <c>POST /api/runs</c> body, written straight onto the request stream so a large input is never held
/// twice in memory as one JSON string. Its length is measured by a dry run, so the host sees Content-Length
/// and can refuse an oversized body before it is sent.
/// </summary>
public sealed class StartRunContent : HttpContent
{
    private const int FlushThresholdBytes = 64 * 1024;

    private readonly string? _job;
    private readonly JsonElement? _spec;
    private readonly IReadOnlyList<JsonElement> _records;

    private StartRunContent(string? job, JsonElement? spec, IReadOnlyList<JsonElement> records)
    {
        _job = job;
        _spec = spec;
        _records = records;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    public static StartRunContent ForJob(string job, IReadOnlyList<JsonElement> records) => new(job, null, records);

    public static StartRunContent ForSpec(JsonElement spec, IReadOnlyList<JsonElement> records) => new(null, spec, records);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream);
        WriteStart(writer);
        foreach (var record in _records)
        {
            record.WriteTo(writer);
            if (writer.BytesPending > FlushThresholdBytes)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        WriteEnd(writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        using var writer = new Utf8JsonWriter(Stream.Null);
        WriteStart(writer);
        foreach (var record in _records)
        {
            record.WriteTo(writer);
            if (writer.BytesPending > FlushThresholdBytes)
            {
                writer.Flush();
            }
        }

        WriteEnd(writer);
        writer.Flush();
        length = writer.BytesCommitted;
        return true;
    }

    private void WriteStart(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (_job is not null)
        {
            writer.WriteString("job", _job);
        }
        else
        {
            writer.WritePropertyName("spec");
            _spec!.Value.WriteTo(writer);
        }

        writer.WriteStartArray("records");
    }

    private static void WriteEnd(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
