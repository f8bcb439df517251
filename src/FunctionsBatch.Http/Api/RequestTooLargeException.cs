namespace FunctionsBatch.Http.Api;

internal sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException()
        : base("The request body is too large.")
    {
    }

    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
