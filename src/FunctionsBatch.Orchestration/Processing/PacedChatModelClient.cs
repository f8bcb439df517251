using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Admits calls to each deployment through its <see cref="DeploymentRateController"/>, charging what Azure OpenAI
/// charges at admission (prompt tokens from the tokenizer plus <c>max_tokens</c>), and tells the controller how each
/// call was answered. A call that would have to wait for the rate limit past its <see cref="ChatCallRequest.ThrottleUntil"/>
/// is not sent: it comes back throttled, for the caller to defer or fail. One instance per process, shared by every
/// chunk and every run in it; <see cref="IQuotaShare"/> says how much of each quota this process may use.
/// </summary>
public sealed class PacedChatModelClient(
    IChatModelClient inner,
    IReadOnlyDictionary<string, DeploymentQuota> quotas,
    TimeProvider time,
    RateControlOptions? options = null,
    IQuotaShare? share = null)
    : IChatModelClient
{
    private readonly Dictionary<string, DeploymentRateController> _controllers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly RateControlOptions _options = options ?? RateControlOptions.Default;

    /// <summary>The controller of a deployment, for telemetry and tests.</summary>
    public DeploymentRateController ControllerFor(string deployment)
    {
        lock (_gate)
        {
            if (!_controllers.TryGetValue(deployment, out var controller))
            {
                controller = new DeploymentRateController(quotas.GetValueOrDefault(deployment, DeploymentQuota.Unknown), _options, Now());
                _controllers[deployment] = controller;
            }

            return controller;
        }
    }

    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var controller = ControllerFor(request.Deployment);
        var cost = ChatTokenCounter.CountPromptTokens(request.Messages) + request.MaxOutputTokens;
        var fraction = share?.ShareOf(request.Deployment) ?? 1;
        RateTicket ticket;
        TimeSpan wait;
        lock (_gate)
        {
            controller.SetShare(fraction, Now());
            ticket = controller.Reserve(cost, Now(), out wait);
        }

        // Its turn moves while it waits (a 429 pauses every call, a cut slows the line): it asks again when the wait is over.
        while (wait > TimeSpan.Zero)
        {
            if (request.ThrottleUntil is { } until && time.GetUtcNow() + wait > until)
            {
                lock (_gate)
                {
                    controller.Release(ticket, Now());
                }

                return NotSent(wait);
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A call canceled in line will never be sent: it must not count among the calls the service has not seen.
                lock (_gate)
                {
                    controller.Release(ticket, Now());
                }

                throw;
            }

            lock (_gate)
            {
                wait = controller.WaitFor(ticket, Now());
            }
        }

        lock (_gate)
        {
            ticket = controller.Sending(ticket, Now());
        }

        var result = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (result.HttpStatus == 429)
            {
                controller.Throttled(ticket, result.RetryAfter, result.Rate ?? RateSignal.None, Now());
            }
            else if (result.HttpStatus is not null)
            {
                controller.Answered(ticket, result.Rate ?? RateSignal.None, Now());
            }
        }

        return result;
    }

    private static ChatCallResult NotSent(TimeSpan wait) =>
        ChatCallResult.Failure(null, RecordErrorCodes.Throttled, "the deployment's rate limit would have held this call past its time limit", true, wait, 0)
            with { Attempts = 0 };

    private TimeSpan Now() => time.GetElapsedTime(0);
}
