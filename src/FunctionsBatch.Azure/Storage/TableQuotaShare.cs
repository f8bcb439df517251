using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Splits each deployment's quota between the processes calling it: every process calling a deployment renews a
/// claim row every few seconds, and takes 1 ÷ (processes with a live claim) of the quota. A process that stops calling
/// (or dies) lets its claim age out, and the others take its share back. The answer is never waited for: a call uses
/// the share last read, and a refresh runs beside it, so storage trouble slows nothing (the share is kept, and the
/// service's headers and 429s still correct each process's rate).
/// </summary>
public sealed partial class TableQuotaShare(StorageClients storage, TimeProvider time, ILogger<TableQuotaShare> logger) : IQuotaShare
{
    /// <summary>How often a calling process renews its claim and re-counts the others.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    /// <summary>A claim not renewed for this long belongs to a process that stopped calling.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(20);

    private readonly string _process = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly Dictionary<string, Claim> _claims = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public double ShareOf(string deployment)
    {
        Claim claim;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_claims.TryGetValue(deployment, out claim!))
            {
                claim = new Claim();
                _claims[deployment] = claim;
            }

            if (claim.Refreshing || now - claim.Refreshed < RenewEvery)
            {
                return claim.Share;
            }

            claim.Refreshing = true;
        }

        _ = Task.Run(() => RefreshAsync(deployment, claim));
        return claim.Share;
    }

    /// <summary>Renews this process's claim and returns its share; what <see cref="ShareOf"/> runs in the background.</summary>
    public async Task<double> RefreshAsync(string deployment, CancellationToken cancellationToken = default)
    {
        var table = await storage.QuotaClaimsAsync().ConfigureAwait(false);
        var partition = PartitionOf(deployment);
        var now = time.GetUtcNow().UtcDateTime;
        await table.UpsertEntityAsync(new QuotaClaimEntity { PartitionKey = partition, RowKey = _process, SeenUtc = now }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var live = 0;
        await foreach (var row in table.QueryAsync<QuotaClaimEntity>(c => c.PartitionKey == partition, select: [nameof(QuotaClaimEntity.SeenUtc)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            live += row.SeenUtc >= now - ClaimLifetime ? 1 : 0;
        }

        return 1.0 / Math.Max(1, live);
    }

    private async Task RefreshAsync(string deployment, Claim claim)
    {
        try
        {
            var share = await RefreshAsync(deployment).ConfigureAwait(false);
            lock (_gate)
            {
                claim.Share = share;
            }
        }
        catch (RequestFailedException ex)
        {
            LogRefreshFailed(deployment, ex.Status);
        }
        finally
        {
            lock (_gate)
            {
                claim.Refreshed = time.GetUtcNow();
                claim.Refreshing = false;
            }
        }
    }

    /// <summary>
    /// Azure deployment names are legal PartitionKeys; the model names of OpenAI-compatible servers may hold '/' and
    /// the like, which become '_'.
    /// </summary>
    private static string PartitionOf(string deployment) => TableKeys.Safe(deployment.ToLowerInvariant());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this process's quota claim on deployment {Deployment} (HTTP {Status}); keeping the share it had")]
    private partial void LogRefreshFailed(string deployment, int status);

    private sealed class Claim
    {
        public double Share { get; set; } = 1;

        public DateTimeOffset Refreshed { get; set; } = DateTimeOffset.MinValue;

        public bool Refreshing { get; set; }
    }
}
