using FunctionsBatch.Simulator.Chat;

namespace FunctionsBatch.Simulator.Batches;

/// <summary>One validated input line: its custom id, the chat request in its body, and its prompt tokens.</summary>
public sealed record BatchLine(string CustomId, ChatRequest Request, int PromptTokens, string ContentKey);
