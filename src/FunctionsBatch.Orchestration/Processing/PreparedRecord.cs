using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>A record ready to send (its messages and content key), or refused before any call with a code and reason.</summary>
/// <param name="PromptTokens">The exact prompt count when the context-window check needed it; null when a cheap bound sufficed.</param>
public sealed record PreparedRecord(IReadOnlyList<ChatMessageText>? Messages, string? ContentKey, string? ErrorCode, string? ErrorMessage, int? PromptTokens = null)
{
    public bool IsReady => Messages is not null;

    public static PreparedRecord Ready(IReadOnlyList<ChatMessageText> messages, string contentKey, int? promptTokens) => new(messages, contentKey, null, null, promptTokens);

    public static PreparedRecord Refused(string code, string message) => new(null, null, code, message);
}
