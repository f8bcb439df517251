using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Baselines;

/// <summary>
/// <c>Parallel.ForEachAsync</c> over every record with no pacing: as many requests in flight as the degree of
/// parallelism allows, the SDK's default retries (3, honouring Retry-After) and nothing else.
/// </summary>
public static class ParallelBaseline
{
    public static async Task<BaselineRun> RunAsync(BaselineRequests requests, IReadOnlyList<JsonElement> records, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        var succeeded = 0;
        var failed = 0;
        await Parallel.ForEachAsync(
            records,
            new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            async (record, token) =>
            {
                try
                {
                    await requests.Chat.CompleteChatAsync(requests.Messages(record), requests.Options, token).ConfigureAwait(false);
                    Interlocked.Increment(ref succeeded);
                }
                catch (ClientResultException)
                {
                    Interlocked.Increment(ref failed);
                }
            }).ConfigureAwait(false);
        return new BaselineRun(records.Count, succeeded, failed, clock.Elapsed.TotalSeconds, false);
    }
}
