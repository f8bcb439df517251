using System.Text.Json;
using Azure;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.Storage;

/// <summary>A batch chunk's submissions and line lists, as small JSON blobs next to the run's staged chunks.</summary>
public sealed class BlobBatchStaging(StorageClients storage) : IBatchStaging
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<BatchSubmitResult?> GetSubmissionAsync(BatchSubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync<BatchSubmitResult>(Submission(request), cancellationToken);
    }

    public Task SaveSubmissionAsync(BatchSubmitRequest request, BatchSubmitResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(Submission(request), result, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> GetSubmittedAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken) =>
        await ReadAsync<int[]>(Lines(runId, chunkIndex, round, "submitted"), cancellationToken).ConfigureAwait(false) ?? [];

    public Task SaveSubmittedAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken) =>
        WriteAsync(Lines(runId, chunkIndex, round, "submitted"), lines, cancellationToken);

    public async Task<IReadOnlyList<int>> GetLeftoversAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken) =>
        await ReadAsync<int[]>(Lines(runId, chunkIndex, round, "leftovers"), cancellationToken).ConfigureAwait(false) ?? [];

    public Task SaveLeftoversAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken) =>
        WriteAsync(Lines(runId, chunkIndex, round, "leftovers"), lines, cancellationToken);

    private async Task<T?> ReadAsync<T>(string name, CancellationToken cancellationToken)
    {
        var container = await storage.RunsAsync().ConfigureAwait(false);
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<T>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return default;
        }
    }

    private async Task WriteAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        var container = await storage.RunsAsync().ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(value, Json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private static string Submission(BatchSubmitRequest request) =>
        $"{request.RunId}/batches/{request.ChunkIndex:D6}/round-{request.Round}-submission-{request.Attempt}.json";

    private static string Lines(string runId, int chunkIndex, int round, string kind) =>
        $"{runId}/batches/{chunkIndex:D6}/round-{round}-{kind}.json";
}
