using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator;

/// <summary>Loads the tokenizer at start, so the first request is not a second slower than the rest.</summary>
internal sealed class TokenizerWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ChatTokenCounter.CountText("warm up");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
