namespace FunctionsBatch.Http.Reports;

/// <summary>Failed records sharing one error code, with the first message seen as an example.</summary>
public sealed record FailureReason(string Code, int Count, string? ExampleMessage);
