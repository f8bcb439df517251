namespace FunctionsBatch.Orchestration.Api;

public sealed record ApiError(string Code, string Message, IReadOnlyList<ApiErrorDetail> Details);
