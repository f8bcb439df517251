using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>A <c>RecordLedger</c> row: PartitionKey = job, RowKey = content key.</summary>
public sealed class LedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Output { get; set; } = string.Empty;

    public long PromptTokens { get; set; }

    public long CachedTokens { get; set; }

    public long CompletionTokens { get; set; }

    public string RunId { get; set; } = string.Empty;

    public string RecordId { get; set; } = string.Empty;

    public static LedgerEntity From(string job, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LedgerEntity
        {
            PartitionKey = job,
            RowKey = entry.ContentKey,
            Output = entry.Output,
            PromptTokens = entry.Usage.PromptTokens,
            CachedTokens = entry.Usage.CachedTokens,
            CompletionTokens = entry.Usage.CompletionTokens,
            RunId = entry.RunId,
            RecordId = entry.RecordId,
        };
    }

    public LedgerEntry ToEntry() =>
        new(RowKey, Output, new TokenUsage(PromptTokens, CachedTokens, CompletionTokens), RunId, RecordId);
}
