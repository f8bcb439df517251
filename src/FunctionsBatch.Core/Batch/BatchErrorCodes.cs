namespace FunctionsBatch.Core.Batch;

/// <summary>Error codes of a whole Azure OpenAI batch: what the client reads and the simulator reports.</summary>
public static class BatchErrorCodes
{
    /// <summary>The batch was refused at validation: the deployment's enqueued-token quota is full.</summary>
    public const string TokenLimitExceeded = "token_limit_exceeded";
}
