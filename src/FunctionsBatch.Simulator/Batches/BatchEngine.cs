using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Generation;
using FunctionsBatch.Simulator.Http;
using FunctionsBatch.Simulator.Stats;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.Simulator.Batches;

/// <summary>
/// The Batch API: validates an input file at creation (one deployment, unique custom ids, chat completion bodies),
/// refuses a batch that would pass the deployment's enqueued-token limit (failed with <c>token_limit_exceeded</c>,
/// as Azure does), and answers every line when the completion delay has passed, with the same deterministic
/// generator and real tokenizer usage as online chat. Failing and expiring lines are chosen by marker or rate.
/// </summary>
public sealed class BatchEngine(FileStore files, SimulatorSettings settings, SimulatorStats stats, IOptions<SimulatorOptions> options, TimeProvider time)
{

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, SimulatedBatch> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _faultedOnce = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();

    private BatchSimulationOptions Options => options.Value.Batch;

    /// <summary>Creates a batch from an uploaded file; a file that is not a valid batch input makes a batch that fails validation.</summary>
    public SimulatedBatch Create(StoredFile input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var (lines, deployment, error) = Parse(input.Content);
        lock (_createGate)
        {
            var batch = new SimulatedBatch("batch_" + Guid.NewGuid().ToString("D"), input.Id, deployment ?? string.Empty, lines, now, stats.Batch);
            if (error is not null)
            {
                batch.ValidationError = (error.Value.Code, error.Value.Message);
                batch.Counters.Failed();
            }
            else if (Options.EnqueuedTokenLimitFor(batch.Deployment) is var limit and > 0
                     && Enqueued(batch.Deployment) + batch.PromptTokens > limit)
            {
                batch.ValidationError = (BatchErrorCodes.TokenLimitExceeded, string.Create(CultureInfo.InvariantCulture,
                    $"Enqueued token limit reached for {batch.Deployment} in organization simulator. Limit: {limit:N0} enqueued tokens. Please try again once some in_progress batches have been completed."));
                batch.Counters.QuotaRejected();
            }
            else
            {
                batch.Counters.Created(lines.Count);
            }

            _batches[batch.Id] = batch;
            return batch;
        }
    }

    public SimulatedBatch? Get(string id)
    {
        if (!_batches.TryGetValue(id, out var batch))
        {
            return null;
        }

        Advance(batch);
        return batch;
    }

    /// <summary>Asks a running batch to stop; it reports cancelling now and cancelled, with what it had answered, when read next.</summary>
    public SimulatedBatch? Cancel(string id)
    {
        if (!_batches.TryGetValue(id, out var batch))
        {
            return null;
        }

        Advance(batch);
        lock (batch.Gate)
        {
            if (batch.FinalStatus is null && batch.CancelRequestedAt is null)
            {
                batch.CancelRequestedAt = time.GetUtcNow();
            }
        }

        return batch;
    }

    /// <summary>Forgets which contents already had their once-only batch fault (with the stats reset).</summary>
    public void Reset() => _faultedOnce.Clear();

    public string StatusOf(SimulatedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.FinalStatus is { } final)
        {
            return final;
        }

        if (batch.CancelRequestedAt is not null)
        {
            return BatchStatuses.Cancelling;
        }

        return time.GetUtcNow() < ValidatedAt(batch) ? BatchStatuses.Validating : BatchStatuses.InProgress;
    }

    public byte[] Describe(SimulatedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (batch.Gate)
        {
            var status = StatusOf(batch);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("id", batch.Id);
                json.WriteString("object", "batch");
                json.WriteString("endpoint", BatchRequestLine.Url);
                if (batch.ValidationError is { } error && status == BatchStatuses.Failed)
                {
                    json.WriteStartObject("errors");
                    json.WriteString("object", "list");
                    json.WriteStartArray("data");
                    json.WriteStartObject();
                    json.WriteString("code", error.Code);
                    json.WriteString("message", error.Message);
                    json.WriteNull("param");
                    json.WriteNull("line");
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("errors");
                }

                json.WriteString("input_file_id", batch.InputFileId);
                json.WriteString("completion_window", "24h");
                json.WriteString("status", status);
                WriteNullable(json, "output_file_id", batch.OutputFileId);
                WriteNullable(json, "error_file_id", batch.ErrorFileId);
                json.WriteNumber("created_at", batch.CreatedAt.ToUnixTimeSeconds());
                json.WriteNumber("expires_at", batch.CreatedAt.AddHours(24).ToUnixTimeSeconds());
                WriteTime(json, "in_progress_at", status is BatchStatuses.Validating || batch.ValidationError is not null ? null : ValidatedAt(batch));
                WriteTime(json, "completed_at", status == BatchStatuses.Completed ? batch.FinishedAt : null);
                WriteTime(json, "failed_at", status == BatchStatuses.Failed ? batch.FinishedAt : null);
                WriteTime(json, "expired_at", status == BatchStatuses.Expired ? batch.FinishedAt : null);
                WriteTime(json, "cancelling_at", batch.CancelRequestedAt);
                WriteTime(json, "cancelled_at", status == BatchStatuses.Cancelled ? batch.FinishedAt : null);
                json.WriteStartObject("request_counts");
                json.WriteNumber("total", batch.ValidationError is null ? batch.Lines.Count : 0);
                json.WriteNumber("completed", batch.CompletedLines);
                json.WriteNumber("failed", batch.FailedLines);
                json.WriteEndObject();
                json.WriteNull("metadata");
                json.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }

    private long Enqueued(string deployment)
    {
        foreach (var batch in _batches.Values)
        {
            Advance(batch);
        }

        return _batches.Values.Where(b => b.HoldsQuota && string.Equals(b.Deployment, deployment, StringComparison.OrdinalIgnoreCase)).Sum(b => b.PromptTokens);
    }

    private DateTimeOffset ValidatedAt(SimulatedBatch batch) => batch.CreatedAt.AddMilliseconds(Options.ValidationDelayMs);

    private DateTimeOffset DueAt(SimulatedBatch batch) =>
        batch.CreatedAt.AddMilliseconds(Math.Max(Options.CompletionDelayMs, Options.ValidationDelayMs));

    private void Advance(SimulatedBatch batch)
    {
        var now = time.GetUtcNow();
        lock (batch.Gate)
        {
            if (batch.FinalStatus is not null)
            {
                return;
            }

            if (batch.ValidationError is not null)
            {
                if (now >= ValidatedAt(batch))
                {
                    batch.FinalStatus = BatchStatuses.Failed;
                    batch.FinishedAt = ValidatedAt(batch);
                }

                return;
            }

            if (batch.CancelRequestedAt is { } cancelAt)
            {
                // The lines a running batch had reached by the cancel are answered; the rest are cancelled.
                var start = ValidatedAt(batch);
                var span = (DueAt(batch) - start).TotalMilliseconds;
                var share = span <= 0 ? 1 : Math.Clamp((cancelAt - start).TotalMilliseconds / span, 0, 1);
                Finish(batch, (int)Math.Floor(batch.Lines.Count * share), cancelled: true, now);
                return;
            }

            if (now >= DueAt(batch))
            {
                Finish(batch, batch.Lines.Count, cancelled: false, DueAt(batch));
            }
        }
    }

    private void Finish(SimulatedBatch batch, int answered, bool cancelled, DateTimeOffset at)
    {
        var config = settings.Current;
        var contentFilterMarker = config.FaultsFor(batch.Deployment).ContentFilterMarker;
        using var output = new MemoryStream();
        using var errors = new MemoryStream();
        var expired = 0;
        for (var i = 0; i < batch.Lines.Count; i++)
        {
            var line = batch.Lines[i];
            if (i >= answered)
            {
                WriteError(errors, line.CustomId, BatchLineReader.CancelledCode, "This request was cancelled before it ran.");
                continue;
            }

            var text = string.Concat(line.Request.Messages.Select(m => m.Content));
            switch (FaultFor(line, text))
            {
                case BatchLineFault.Fail:
                    batch.FailedLines++;
                    batch.Counters.LineFailed();
                    WriteResponse(errors, line.CustomId, StatusCodes.Status500InternalServerError, ErrorBody("server_error", "The server had an error while processing your request. Sorry about that!"));
                    continue;
                case BatchLineFault.Expire:
                    expired++;
                    batch.FailedLines++;
                    batch.Counters.LineExpired();
                    WriteError(errors, line.CustomId, BatchLineReader.ExpiredCode, "This request could not be executed before the completion window of 24h expired.");
                    continue;
            }

            if (contentFilterMarker.Length > 0 && text.Contains(contentFilterMarker, StringComparison.Ordinal))
            {
                batch.FailedLines++;
                batch.Counters.LineFailed();
                WriteResponse(errors, line.CustomId, StatusCodes.Status400BadRequest, ErrorBody("content_filter", "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."));
                continue;
            }

            GeneratedCompletion completion;
            try
            {
                completion = CompletionGenerator.Generate(line.Request);
            }
            catch (InvalidChatRequestException ex)
            {
                batch.FailedLines++;
                batch.Counters.LineFailed();
                WriteResponse(errors, line.CustomId, StatusCodes.Status400BadRequest, ErrorBody(ex.Code, ex.Message));
                continue;
            }

            var body = ChatCompletionWriter.Write("chatcmpl-" + Guid.NewGuid().ToString("N"), at, config.ModelFor(batch.Deployment), line.PromptTokens, completion, !config.OmitUsage);
            batch.CompletedLines++;
            batch.Counters.LineSucceeded(line.PromptTokens, completion.CompletionTokens);
            WriteResponse(output, line.CustomId, StatusCodes.Status200OK, body);
        }

        if (output.Length > 0)
        {
            batch.OutputFileId = files.Add($"{batch.Id}_output.jsonl", "batch_output", output.ToArray(), at).Id;
        }

        if (errors.Length > 0)
        {
            batch.ErrorFileId = files.Add($"{batch.Id}_error.jsonl", "batch_output", errors.ToArray(), at).Id;
        }

        batch.FinalStatus = cancelled ? BatchStatuses.Cancelled : expired > 0 ? BatchStatuses.Expired : BatchStatuses.Completed;
        batch.FinishedAt = at;
        batch.Counters.Finished(batch.FinalStatus);
    }

    private BatchLineFault FaultFor(BatchLine line, string text)
    {
        var roll = (DeterministicRandom.FromMessages(line.Request.Messages).NextUInt64() >> 11) * (1.0 / (1UL << 53));
        var fail = text.Contains(Options.FailMarker, StringComparison.Ordinal) || roll < Options.LineFailRate;
        var expire = text.Contains(Options.ExpireMarker, StringComparison.Ordinal)
                     || (roll >= Options.LineFailRate && roll < Options.LineFailRate + Options.LineExpireRate);
        // Only the first time a content goes through a batch, so sending it again succeeds.
        if (fail && _faultedOnce.TryAdd("fail:" + line.ContentKey, 0))
        {
            return BatchLineFault.Fail;
        }

        return expire && _faultedOnce.TryAdd("expire:" + line.ContentKey, 0) ? BatchLineFault.Expire : BatchLineFault.None;
    }

    private static (List<BatchLine> Lines, string? Deployment, (string Code, string Message)? Error) Parse(byte[] content)
    {
        var lines = new List<BatchLine>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? deployment = null;
        var number = 0;
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var customId = root.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : null;
                if (customId is null || !ids.Add(customId))
                {
                    return (lines, deployment, ("invalid_custom_id", $"Line {number}: custom_id is missing or not unique."));
                }

                if (!root.TryGetProperty("method", out var method) || method.GetString() != "POST"
                    || !root.TryGetProperty("url", out var url) || url.GetString() is not (BatchRequestLine.Url or "/v1" + BatchRequestLine.Url))
                {
                    return (lines, deployment, ("invalid_request", $"Line {number}: method must be POST and url /chat/completions."));
                }

                if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object
                    || !body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
                {
                    return (lines, deployment, ("invalid_request", $"Line {number}: body.model (the deployment) is required."));
                }

                deployment ??= model.GetString();
                if (!string.Equals(deployment, model.GetString(), StringComparison.OrdinalIgnoreCase))
                {
                    return (lines, deployment, ("model_mismatch", $"Line {number}: every line of a batch must use the same deployment ({deployment})."));
                }

                var request = ChatRequestParser.Parse(body);
                lines.Add(new BatchLine(customId, request, ChatTokenCounter.CountPromptTokens(request.Messages), MessageDigest.Key(MessageDigest.Compute(request.Messages))));
            }
            catch (JsonException)
            {
                return (lines, deployment, ("invalid_json_line", $"Line {number} is not valid JSON."));
            }
            catch (InvalidChatRequestException ex)
            {
                return (lines, deployment, ("invalid_request", $"Line {number}: {ex.Message}"));
            }
        }

        return lines.Count == 0 ? (lines, deployment, ("empty_file", "The input file has no requests.")) : (lines, deployment, null);
    }

    private static byte[] ErrorBody(string code, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new { error = new { code, message } });

    private static void WriteResponse(Stream stream, string customId, int status, byte[] body)
    {
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", "batch_req_" + Guid.NewGuid().ToString("N"));
            json.WriteString("custom_id", customId);
            json.WriteStartObject("response");
            json.WriteNumber("status_code", status);
            json.WriteString("request_id", Guid.NewGuid().ToString());
            json.WritePropertyName("body");
            json.WriteRawValue(body, skipInputValidation: true);
            json.WriteEndObject();
            json.WriteNull("error");
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteError(Stream stream, string customId, string code, string message)
    {
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", "batch_req_" + Guid.NewGuid().ToString("N"));
            json.WriteString("custom_id", customId);
            json.WriteNull("response");
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteNumber(name, at.ToUnixTimeSeconds());
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
