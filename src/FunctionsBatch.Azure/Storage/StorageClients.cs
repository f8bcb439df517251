using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace FunctionsBatch.Azure.Storage;

/// <summary>The storage account's clients, made once per process (they are thread-safe and pool connections).</summary>
public sealed class StorageClients
{
    public const string RunsContainer = "runs";
    public const string ExportsContainer = "exports";
    public const string ResultsTable = "RunResults";
    public const string CostsTable = "RunCosts";
    public const string LedgerTable = "RecordLedger";
    public const string EnqueuedTable = "EnqueuedBatches";
    public const string QuotaClaimsTable = "QuotaClaims";

    private readonly RetryingLazy<BlobContainerClient> _runs;
    private readonly RetryingLazy<BlobContainerClient> _exports;
    private readonly RetryingLazy<TableClient> _results;
    private readonly RetryingLazy<TableClient> _costs;
    private readonly RetryingLazy<TableClient> _ledger;
    private readonly RetryingLazy<TableClient> _enqueued;
    private readonly RetryingLazy<TableClient> _quotaClaims;

    public StorageClients(string connectionString)
        : this(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), new QueueServiceClient(connectionString))
    {
    }

    private StorageClients(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
    {
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
        _runs = new RetryingLazy<BlobContainerClient>(() => CreateContainerAsync(RunsContainer));
        _exports = new RetryingLazy<BlobContainerClient>(() => CreateContainerAsync(ExportsContainer));
        _results = new RetryingLazy<TableClient>(() => CreateTableAsync(ResultsTable));
        _costs = new RetryingLazy<TableClient>(() => CreateTableAsync(CostsTable));
        _ledger = new RetryingLazy<TableClient>(() => CreateTableAsync(LedgerTable));
        _enqueued = new RetryingLazy<TableClient>(() => CreateTableAsync(EnqueuedTable));
        _quotaClaims = new RetryingLazy<TableClient>(() => CreateTableAsync(QuotaClaimsTable));
    }

    /// <summary>The identity-based connection Azure uses (<c>AzureWebJobsStorage__accountName</c>, managed identity): no keys.</summary>
    public static StorageClients WithIdentity(StorageIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = identity.ClientId });
        return new StorageClients(
            new BlobServiceClient(new Uri($"https://{identity.AccountName}.blob.core.windows.net"), credential),
            new TableServiceClient(new Uri($"https://{identity.AccountName}.table.core.windows.net"), credential),
            new QueueServiceClient(new Uri($"https://{identity.AccountName}.queue.core.windows.net"), credential));
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Intake queues and their poison queues; messages are read and written as plain text (the SDK default).</summary>
    public QueueServiceClient Queues { get; }

    public Task<BlobContainerClient> RunsAsync() => _runs.Value;

    public Task<BlobContainerClient> ExportsAsync() => _exports.Value;

    public Task<TableClient> ResultsAsync() => _results.Value;

    public Task<TableClient> CostsAsync() => _costs.Value;

    public Task<TableClient> LedgerAsync() => _ledger.Value;

    public Task<TableClient> EnqueuedAsync() => _enqueued.Value;

    public Task<TableClient> QuotaClaimsAsync() => _quotaClaims.Value;

    private async Task<BlobContainerClient> CreateContainerAsync(string name)
    {
        var container = Blobs.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync().ConfigureAwait(false);
        return container;
    }

    private async Task<TableClient> CreateTableAsync(string name)
    {
        var table = Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
