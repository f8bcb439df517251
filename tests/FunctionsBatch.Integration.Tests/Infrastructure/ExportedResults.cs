using System.Text.Json;
using Azure.Storage.Blobs;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>Reads a finished run's results export blob, named by the status answer's <c>resultsExportUri</c>.</summary>
public static class ExportedResults
{
    public static async Task<List<JsonElement>> ReadAsync(LocalStack stack, JsonElement status)
    {
        var uri = new Uri(status.GetProperty("resultsExportUri").GetString()!);
        // The URI is http://127.0.0.1:{port}/devstoreaccount1/{container}/{job}/{run}.jsonl.
        var parts = uri.AbsolutePath.TrimStart('/').Split('/', 3);
        var blob = new BlobServiceClient(stack.StorageConnectionString).GetBlobContainerClient(parts[1]).GetBlobClient(parts[2]);
        var content = await blob.DownloadContentAsync().ConfigureAwait(false);
        return content.Value.Content.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))
            .ToList();
    }
}
