namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The service refused to create a batch because the deployment's enqueued-token quota is full.</summary>
public sealed class BatchQuotaExceededException : Exception
{
    public BatchQuotaExceededException()
    {
    }

    public BatchQuotaExceededException(string message)
        : base(message)
    {
    }

    public BatchQuotaExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
