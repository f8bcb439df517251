namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The Azure OpenAI Files and Batches API: upload a JSONL input, create, watch and cancel a batch, read its files.</summary>
public interface IBatchModelClient
{
    /// <summary>Uploads a batch input file (purpose <c>batch</c>); returns its file id.</summary>
    Task<string> UploadAsync(Stream jsonl, string fileName, CancellationToken cancellationToken);

    /// <summary>Creates a <c>/chat/completions</c> batch with a 24h completion window.</summary>
    /// <exception cref="BatchQuotaExceededException">The deployment's enqueued-token quota is full.</exception>
    Task<BatchJob> CreateAsync(string inputFileId, CancellationToken cancellationToken);

    Task<BatchJob> GetAsync(string batchId, CancellationToken cancellationToken);

    Task<BatchJob> CancelAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>The content of an output or error file, line by line.</summary>
    IAsyncEnumerable<string> ReadLinesAsync(string fileId, CancellationToken cancellationToken);
}
