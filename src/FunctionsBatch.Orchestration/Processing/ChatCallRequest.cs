using System.Text.Json;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <param name="Deployment">The Azure OpenAI deployment (the spec's <c>model</c>).</param>
/// <param name="ResponseSchema">When set, structured output with this JSON Schema is requested.</param>
/// <param name="Budget">Retries shared by the calls of one chunk; none means only the per-call attempt limit applies.</param>
/// <param name="ThrottleUntil">How long the call may keep waiting for the deployment's rate limit; none means as long as it takes.</param>
public sealed record ChatCallRequest(
    string Deployment,
    IReadOnlyList<ChatMessageText> Messages,
    int MaxOutputTokens,
    JsonElement? ResponseSchema,
    string SchemaName,
    RetryBudget? Budget = null,
    DateTimeOffset? ThrottleUntil = null);
