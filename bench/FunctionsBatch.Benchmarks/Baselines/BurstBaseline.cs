using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Baselines;

/// <summary>
/// The common script that spends the service's whole admitted burst at once: <c>Parallel.ForEachAsync</c> with as
/// many requests in flight as the pipeline's cap, no pacing, and on a 429 every worker pauses for the service's
/// <c>retry-after-ms</c> and sends again, as long as it takes (never failing a record for throttling).
/// </summary>
public static class BurstBaseline
{
    public static async Task<BaselineRun> RunAsync(BaselineRequests requests, IReadOnlyList<JsonElement> records, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        var succeeded = 0;
        var failed = 0;
        long pausedUntil = 0;
        await Parallel.ForEachAsync(
            records,
            new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            async (record, token) =>
            {
                while (true)
                {
                    var wait = Interlocked.Read(ref pausedUntil) - clock.ElapsedMilliseconds;
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(wait), token).ConfigureAwait(false);
                    }

                    try
                    {
                        await requests.Unretried.CompleteChatAsync(requests.Messages(record), requests.Options, token).ConfigureAwait(false);
                        Interlocked.Increment(ref succeeded);
                        return;
                    }
                    catch (ClientResultException ex) when (ex.Status == 429)
                    {
                        var until = clock.ElapsedMilliseconds + RetryAfterMs(ex);
                        long seen;
                        do
                        {
                            seen = Interlocked.Read(ref pausedUntil);
                        }
                        while (until > seen && Interlocked.CompareExchange(ref pausedUntil, until, seen) != seen);
                    }
                    catch (ClientResultException)
                    {
                        Interlocked.Increment(ref failed);
                        return;
                    }
                }
            }).ConfigureAwait(false);
        return new BaselineRun(records.Count, succeeded, failed, clock.Elapsed.TotalSeconds, false);
    }

    private static long RetryAfterMs(ClientResultException ex) =>
        ex.GetRawResponse() is { } response && response.Headers.TryGetValue("retry-after-ms", out var ms)
        && long.TryParse(ms, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 1000;
}
