using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Orchestration.Processing;
using FunctionsBatch.Orchestration.Tests.Fakes;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests;

public sealed class PacedChatModelClientTests
{
    private static readonly ChatMessageText[] Messages = [new("user", "Classify: printer on fire")];
    private static readonly int Cost = ChatTokenCounter.CountPromptTokens(Messages) + 100;

    [Fact]
    public async Task CompleteAsync_TokensPerMinuteQuota_PacesCallsByPromptPlusMaxOutputTokens()
    {
        var time = new SkippingTimeProvider();
        var start = time.GetTimestamp();
        var sentAt = new List<TimeSpan>();
        var model = new FakeChatModelClient(_ =>
        {
            sentAt.Add(time.GetElapsedTime(start));
            return Ok();
        });
        // Two calls' worth a second, bursts of one second: the third call waits for one call's worth of refill.
        var quota = new DeploymentQuota(TokensPerMinute: Cost * 2 * 60, RequestsPerMinute: 0);
        var paced = new PacedChatModelClient(model, new Dictionary<string, DeploymentQuota> { ["gpt"] = quota }, time, RateControlOptions.Default with { BurstSeconds = 1, CeilingUse = 1 });

        for (var i = 0; i < 4; i++)
        {
            await paced.CompleteAsync(Request("gpt"), CancellationToken.None);
        }

        Assert.Equal(4, model.Requests.Count);
        Assert.Equal([0, 0, 0.5, 1.0], sentAt.Select(at => Math.Round(at.TotalSeconds, 3)));
    }

    [Fact]
    public async Task CompleteAsync_ServerReportsNoTokensLeft_NextCallWaitsForRefill()
    {
        var time = new SkippingTimeProvider();
        var start = time.GetTimestamp();
        var sentAt = new List<TimeSpan>();
        var model = new FakeChatModelClient(_ =>
        {
            sentAt.Add(time.GetElapsedTime(start));
            return Ok() with { Rate = new RateSignal(RemainingTokens: 0) };
        });
        var quota = new DeploymentQuota(TokensPerMinute: Cost * 60, RequestsPerMinute: 0);
        var paced = new PacedChatModelClient(model, new Dictionary<string, DeploymentQuota> { ["gpt"] = quota }, time, RateControlOptions.Default with { BurstSeconds = 10, CeilingUse = 1 });

        await paced.CompleteAsync(Request("gpt"), CancellationToken.None);
        await paced.CompleteAsync(Request("gpt"), CancellationToken.None);

        // Its own cost, plus the room the controller keeps below what the service reports free (2 % of the window the
        // service reported, a call's worth here).
        Assert.Equal([0, 1.02], sentAt.Select(at => Math.Round(at.TotalSeconds, 3)));
    }

    [Fact]
    public async Task CompleteAsync_DeploymentWithoutQuota_IsNotPaced()
    {
        var time = new SkippingTimeProvider();
        var model = new FakeChatModelClient(_ => Ok());
        var paced = new PacedChatModelClient(model, new Dictionary<string, DeploymentQuota>(), time);

        for (var i = 0; i < 50; i++)
        {
            await paced.CompleteAsync(Request("other"), CancellationToken.None);
        }

        Assert.Empty(time.Waits);
        Assert.Equal(50, model.Requests.Count);
    }

    [Fact]
    public async Task CompleteAsync_Answered429_PausesTheNextCallForTheServersRetryAfter()
    {
        var time = new SkippingTimeProvider();
        var answers = new Queue<ChatCallResult>([Throttled(TimeSpan.FromSeconds(3)), Ok()]);
        var model = new FakeChatModelClient(_ => answers.Dequeue());
        var paced = new PacedChatModelClient(model, new Dictionary<string, DeploymentQuota>(), time);

        var first = await paced.CompleteAsync(Request("gpt"), CancellationToken.None);
        var second = await paced.CompleteAsync(Request("gpt"), CancellationToken.None);

        Assert.Equal(429, first.HttpStatus);
        Assert.True(second.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(Math.Round(time.Waits.Sum(w => w.TotalMilliseconds))));
    }

    [Fact]
    public async Task CompleteAsync_PauseLongerThanTheCallsThrottleLimit_ReturnsThrottledWithoutSending()
    {
        var time = new SkippingTimeProvider();
        var answers = new Queue<ChatCallResult>([Throttled(TimeSpan.FromSeconds(30))]);
        var model = new FakeChatModelClient(_ => answers.Dequeue());
        var paced = new PacedChatModelClient(model, new Dictionary<string, DeploymentQuota>(), time);
        await paced.CompleteAsync(Request("gpt"), CancellationToken.None);

        var held = await paced.CompleteAsync(Request("gpt") with { ThrottleUntil = time.GetUtcNow().AddSeconds(5) }, CancellationToken.None);

        Assert.Single(model.Requests);
        Assert.Equal(RecordErrorCodes.Throttled, held.ErrorCode);
        Assert.Equal(0, held.Attempts);
        Assert.True(held.Retryable);
    }

    /// <summary>A 429 whose headers say the tokens ran out, as Azure's do.</summary>
    private static ChatCallResult Throttled(TimeSpan retryAfter) =>
        ChatCallResult.Failure(429, RecordErrorCodes.Throttled, "429", true, retryAfter, 1) with { Rate = new RateSignal(RemainingTokens: 0) };

    private static ChatCallRequest Request(string deployment) => new(deployment, Messages, 100, null, "job");

    private static ChatCallResult Ok() => ChatCallResult.Success("ok", new TokenUsage(10, 0, 1), 1);
}
