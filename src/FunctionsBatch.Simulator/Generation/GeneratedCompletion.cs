namespace FunctionsBatch.Simulator.Generation;

public sealed record GeneratedCompletion(string Content, int CompletionTokens, string FinishReason);
