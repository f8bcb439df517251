using Azure;
using Azure.Data.Tables;

namespace FunctionsBatch.Azure.Storage;

/// <summary>An <c>EnqueuedBatches</c> row: PartitionKey = deployment, RowKey = the batch chunk holding the reservation (or the version row), with its prompt tokens.</summary>
public sealed class EnqueuedBatchEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long Tokens { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UnixEpoch;
}
