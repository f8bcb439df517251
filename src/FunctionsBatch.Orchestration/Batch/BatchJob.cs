using FunctionsBatch.Core.Batch;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>A remote batch as the orchestration sees it: small, so it can pass through history.</summary>
/// <param name="ErrorCode">The first of the batch's own errors (a batch that failed validation), e.g. <c>token_limit_exceeded</c>.</param>
public sealed record BatchJob(
    string Id,
    string Status,
    string? OutputFileId,
    string? ErrorFileId,
    int Total,
    int Completed,
    int Failed,
    string? ErrorCode = null,
    string? ErrorMessage = null)
{
    /// <summary>The code Azure OpenAI fails a batch with when the deployment's enqueued-token quota is full.</summary>
    public const string TokenLimitExceeded = BatchErrorCodes.TokenLimitExceeded;

    public bool IsTerminal => BatchStatuses.IsTerminal(Status);

    /// <summary>The service refused the batch because too many tokens are enqueued: wait and submit again.</summary>
    public bool FailedForQuota => Status == BatchStatuses.Failed && ErrorCode == TokenLimitExceeded;
}
