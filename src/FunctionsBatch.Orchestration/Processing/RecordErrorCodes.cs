namespace FunctionsBatch.Orchestration.Processing;

/// <summary>Why a record failed, as stored in its result row.</summary>
public static class RecordErrorCodes
{
    public const string MissingField = "missing_field";
    public const string InvalidOutput = "invalid_output";
    public const string ModelError = "model_error";
    public const string Throttled = "rate_limited";
    public const string ContentFilter = "content_filter";
    public const string ContextLengthExceeded = "context_length_exceeded";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "deployment_not_found";
    public const string BadRequest = "bad_request";
    public const string ServerError = "server_error";
    public const string Timeout = "timeout";
    public const string ConnectionFailed = "connection_failed";
    public const string MalformedResponse = "malformed_response";
}
