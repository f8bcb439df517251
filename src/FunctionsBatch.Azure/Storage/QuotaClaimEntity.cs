using Azure;
using Azure.Data.Tables;

namespace FunctionsBatch.Azure.Storage;

/// <summary>A <c>QuotaClaims</c> row: PartitionKey = deployment, RowKey = one calling process, renewed while it calls.</summary>
public sealed class QuotaClaimEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTime SeenUtc { get; set; } = DateTime.UnixEpoch;
}
