using System.Buffers;
using System.Text.Json;

namespace FunctionsBatch.Core.Intake;

/// <summary>
/// One line of a run's intake log: a drained queue message and what became of it, either a record
/// (<see cref="RecordJson"/>) or a rejection (<see cref="Code"/>, <see cref="Problem"/>). The log is the durable
/// proof that a message was taken, so its message may be deleted, and the memory that dedupes re-deliveries.
/// </summary>
public sealed record IntakeEntry(string MessageId, string? RecordId, string? RecordJson, string? Code, string? Problem)
{
    public bool IsRecord => RecordJson is not null;

    public static IntakeEntry Record(string messageId, string recordId, string recordJson) => new(messageId, recordId, recordJson, null, null);

    public static IntakeEntry Rejected(string messageId, string? recordId, string code, string problem) => new(messageId, recordId, null, code, problem);

    /// <summary>The entry as one JSON line (with its trailing newline).</summary>
    public byte[] ToLine()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", MessageId);
            if (RecordId is not null)
            {
                writer.WriteString("recordId", RecordId);
            }

            if (RecordJson is not null)
            {
                writer.WritePropertyName("record");
                writer.WriteRawValue(RecordJson, skipInputValidation: true);
            }
            else
            {
                writer.WriteString("code", Code);
                writer.WriteString("problem", Problem);
            }

            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    public static IntakeEntry Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var messageId = root.GetProperty("messageId").GetString()!;
        var recordId = root.TryGetProperty("recordId", out var id) ? id.GetString() : null;
        return root.TryGetProperty("record", out var record)
            ? Record(messageId, recordId!, record.GetRawText())
            : Rejected(messageId, recordId, root.GetProperty("code").GetString()!, root.GetProperty("problem").GetString()!);
    }
}
