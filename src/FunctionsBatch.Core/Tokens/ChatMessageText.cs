namespace FunctionsBatch.Core.Tokens;

/// <summary>One chat message as plain text: what the model is billed for.</summary>
public sealed record ChatMessageText(string Role, string Content);
