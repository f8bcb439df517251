using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Baselines;

/// <summary>The for loop: one request at a time, stopped at a time cap (its rate is then extrapolated).</summary>
public static class SequentialBaseline
{
    public static async Task<BaselineRun> RunAsync(BaselineRequests requests, IReadOnlyList<JsonElement> records, TimeSpan cap)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        int succeeded = 0, failed = 0, attempted = 0;
        foreach (var record in records)
        {
            if (clock.Elapsed >= cap)
            {
                break;
            }

            attempted++;
            try
            {
                await requests.Chat.CompleteChatAsync(requests.Messages(record), requests.Options).ConfigureAwait(false);
                succeeded++;
            }
            catch (ClientResultException)
            {
                failed++;
            }
        }

        return new BaselineRun(attempted, succeeded, failed, clock.Elapsed.TotalSeconds, attempted < records.Count);
    }
}
