using System.Diagnostics;
using FunctionsBatch.Orchestration.Telemetry;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>A span per model call (retries included), with the model, token usage, attempts and 429s; no message text.</summary>
public sealed class TracingChatModelClient(IChatModelClient inner) : IChatModelClient
{
    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = FunctionsBatchTelemetry.Source.StartActivity("chat " + request.Deployment, ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.request.model", request.Deployment);
        activity?.SetTag("gen_ai.request.max_tokens", request.MaxOutputTokens);
        var result = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (activity is not null)
        {
            activity.SetTag("gen_ai.usage.input_tokens", result.Usage.PromptTokens);
            activity.SetTag("gen_ai.usage.output_tokens", result.Usage.CompletionTokens);
            activity.SetTag("functionsbatch.attempts", result.Attempts);
            activity.SetTag("functionsbatch.throttled", result.Throttled);
            activity.SetTag("http.response.status_code", result.HttpStatus);
            if (!result.Succeeded)
            {
                activity.SetStatus(ActivityStatusCode.Error, result.ErrorCode);
            }
        }

        return result;
    }
}
