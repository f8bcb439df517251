using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>A record ready to send (its messages and content key), or refused before any call with a code and reason.</summary>
public sealed record PreparedRecord(IReadOnlyList<ChatMessageText>? Messages, string? ContentKey, string? ErrorCode, string? ErrorMessage)
{
    public bool IsReady => Messages is not null;

    public static PreparedRecord Ready(IReadOnlyList<ChatMessageText> messages, string contentKey) => new(messages, contentKey, null, null);

    public static PreparedRecord Refused(string code, string message) => new(null, null, code, message);
}
