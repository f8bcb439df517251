using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Api;

namespace FunctionsBatch.Functions.Tests.Fakes;

internal sealed class RecordingRunClient : IRunClient
{
    public List<RunInput> Started { get; } = [];

    public Task<bool> StartAsync(RunInput input, CancellationToken cancellationToken)
    {
        Started.Add(input);
        return Task.FromResult(true);
    }

    public Task<RunState?> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<RunState?>(null);

    public Task RequestCancelAsync(string runId, CancellationToken cancellationToken) => Task.CompletedTask;
}
