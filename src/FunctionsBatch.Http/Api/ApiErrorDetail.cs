namespace FunctionsBatch.Http.Api;

/// <summary>One problem with a request: the JSON path of the offending value and why.</summary>
public sealed record ApiErrorDetail(string Path, string Message);
