using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// How a run's results export is laid out: <c>exports/{job}/{run}.jsonl</c>, one line per record with <c>id</c>,
/// <c>status</c>, <c>output</c> (parsed when it is JSON) and <c>error</c>, made of one block per
/// <see cref="ExportPart"/>. A block's id is its part's key, so staging a part again replaces its block.
/// </summary>
internal static class ExportBlocks
{
    public static string BlobName(string job, string runId) => $"{job}/{runId}.jsonl";

    public static async Task StageAsync(BlobContainerClient container, ExportPart part, IReadOnlyList<RecordResult> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(rows);
        var content = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(content))
        {
            foreach (var row in rows)
            {
                WriteLine(writer, row);
                writer.Flush();
                content.Write("\n"u8);
                writer.Reset();
            }
        }

        using var stream = new MemoryStream(content.WrittenMemory.ToArray(), writable: false);
        await container.GetBlockBlobClient(BlobName(part.Job, part.RunId))
            .StageBlockAsync(BlockId(part), stream, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The part key a block id holds, or null for a block this layout did not stage.</summary>
    public static string? PartKey(string blockId)
    {
        Span<byte> key = stackalloc byte[ExportPart.KeyLength];
        return Convert.TryFromBase64String(blockId, key, out var written) && written == ExportPart.KeyLength
            ? Encoding.ASCII.GetString(key)
            : null;
    }

    private static string BlockId(ExportPart part) => Convert.ToBase64String(Encoding.ASCII.GetBytes(part.Key));

    private static void WriteLine(Utf8JsonWriter writer, RecordResult row)
    {
        writer.WriteStartObject();
        writer.WriteString("id", row.RecordId);
        writer.WriteString("status", row.Status);
        writer.WritePropertyName("output");
        WriteOutput(writer, row.Output);
        writer.WritePropertyName("error");
        if (row.ErrorCode is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("code", row.ErrorCode);
            writer.WriteString("message", row.ErrorMessage);
            if (row.HttpStatus is { } status)
            {
                writer.WriteNumber("httpStatus", status);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, string? output)
    {
        if (output is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (output.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                using var document = JsonDocument.Parse(output);
                document.RootElement.WriteTo(writer);
                return;
            }
            catch (JsonException)
            {
                // Kept as text below: an invalid_output record's raw answer is not JSON.
            }
        }

        writer.WriteStringValue(output);
    }
}
