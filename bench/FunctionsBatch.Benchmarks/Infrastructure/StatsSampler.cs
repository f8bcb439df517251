using System.Diagnostics;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>
/// Polls <c>/sim/stats</c> on a fixed period while a contender runs, so the window in which it actually talked to
/// the model (first request to last answer) and its steady-state rate can be read off afterwards.
/// </summary>
public sealed class StatsSampler : IAsyncDisposable
{
    private readonly SimulatorApi _simulator;
    private readonly TimeSpan _period;
    private readonly List<StatsPoint> _points = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    private StatsSampler(SimulatorApi simulator, TimeSpan period)
    {
        _simulator = simulator;
        _period = period;
        _loop = Task.Run(LoopAsync);
    }

    public static StatsSampler Start(SimulatorApi simulator, TimeSpan period) => new(simulator, period);

    /// <summary>Stops sampling after one last sample and returns every point, in time order.</summary>
    public async Task<IReadOnlyList<StatsPoint>> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _points.Add(new StatsPoint(_clock.Elapsed.TotalSeconds, await _simulator.StatsAsync().ConfigureAwait(false)));
        return _points;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_period);
        do
        {
            try
            {
                var stats = await _simulator.StatsAsync().ConfigureAwait(false);
                _points.Add(new StatsPoint(_clock.Elapsed.TotalSeconds, stats));
            }
            catch (HttpRequestException)
            {
            }
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
    }
}
