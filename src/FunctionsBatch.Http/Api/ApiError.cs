namespace FunctionsBatch.Http.Api;

public sealed record ApiError(string Code, string Message, IReadOnlyList<ApiErrorDetail> Details);
