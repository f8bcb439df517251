using System.Text.Json;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <param name="Deployment">The Azure OpenAI deployment (the spec's <c>model</c>).</param>
/// <param name="ResponseSchema">When set, structured output with this JSON Schema is requested.</param>
public sealed record ChatCallRequest(
    string Deployment,
    IReadOnlyList<ChatMessageText> Messages,
    int MaxOutputTokens,
    JsonElement? ResponseSchema,
    string SchemaName);
