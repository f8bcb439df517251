using System.Text.Json;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator.Chat;

/// <summary>The parts of a chat completion request the simulator acts on.</summary>
public sealed record ChatRequest(
    IReadOnlyList<ChatMessageText> Messages,
    int? MaxTokens,
    ResponseFormatKind ResponseFormat,
    JsonElement? Schema);
