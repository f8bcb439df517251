using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Azure.Storage;

/// <summary>A <c>RunResults</c> row: PartitionKey = run id, RowKey = record id.</summary>
public sealed class RecordResultEntity : ITableEntity
{
    /// <summary>Table Storage caps a string property at 32K UTF-16 characters.</summary>
    public const int MaxTextLength = 32_000;

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int ChunkIndex { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? Output { get; set; }

    public bool OutputTruncated { get; set; }

    public long PromptTokens { get; set; }

    public long CachedTokens { get; set; }

    public long CompletionTokens { get; set; }

    public long LatencyMs { get; set; }

    public int Attempts { get; set; }

    public int? HttpStatus { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ContentKey { get; set; }

    public bool FromLedger { get; set; }

    /// <summary>429 answers met by the record's calls; with the row's <see cref="Timestamp"/> it gives the run's throttling over time.</summary>
    public int Throttled { get; set; }

    /// <summary><c>online</c> or <c>batch</c>: how the answer was obtained.</summary>
    public string? Mode { get; set; }

    /// <summary>The server sent no <c>usage</c>: the tokens are the tokenizer's count.</summary>
    public bool UsageEstimated { get; set; }

    /// <summary>The answer was cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>); not <see cref="OutputTruncated"/>, which is about storage.</summary>
    public bool AnswerTruncated { get; set; }

    public static RecordResultEntity From(RecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var truncated = result.Output is { Length: > MaxTextLength };
        return new RecordResultEntity
        {
            PartitionKey = result.RunId,
            RowKey = result.RecordId,
            ChunkIndex = result.ChunkIndex,
            Status = result.Status,
            Output = truncated ? result.Output![..MaxTextLength] : result.Output,
            OutputTruncated = truncated,
            PromptTokens = result.Usage.PromptTokens,
            CachedTokens = result.Usage.CachedTokens,
            CompletionTokens = result.Usage.CompletionTokens,
            LatencyMs = result.LatencyMs,
            Attempts = result.Attempts,
            HttpStatus = result.HttpStatus,
            ErrorCode = result.ErrorCode,
            ContentKey = result.ContentKey,
            FromLedger = result.FromLedger,
            Throttled = result.Throttled,
            Mode = result.Mode,
            UsageEstimated = result.UsageEstimated,
            AnswerTruncated = result.Truncated,
            ErrorMessage = result.ErrorMessage is { Length: > MaxTextLength } message ? message[..MaxTextLength] : result.ErrorMessage,
        };
    }

    public RecordResult ToResult() => new(
        PartitionKey,
        RowKey,
        ChunkIndex,
        Status,
        Output,
        new TokenUsage(PromptTokens, CachedTokens, CompletionTokens),
        LatencyMs,
        Attempts,
        HttpStatus,
        ErrorCode,
        ErrorMessage,
        ContentKey,
        FromLedger,
        Throttled,
        Mode,
        UsageEstimated,
        AnswerTruncated);
}
