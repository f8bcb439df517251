namespace FunctionsBatch.Simulator.Chat;

/// <summary>A request the real service would refuse with 400; carries the OpenAI-style code and parameter.</summary>
public sealed class InvalidChatRequestException : Exception
{
    public InvalidChatRequestException()
        : this("invalid_request_error", "The request is invalid.")
    {
    }

    public InvalidChatRequestException(string message)
        : this("invalid_request_error", message)
    {
    }

    public InvalidChatRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "invalid_request_error";
    }

    public InvalidChatRequestException(string code, string message, string? param = null)
        : base(message)
    {
        Code = code;
        Param = param;
    }

    public string Code { get; }

    public string? Param { get; }
}
