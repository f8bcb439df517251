using System.Diagnostics;
using System.Net;
using FunctionsBatch.Cli.Http;
using FunctionsBatch.Cli.Output;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Commands;

/// <summary>Polls a run once a second until it finishes, riding out a host that restarts or answers slowly.</summary>
public sealed class RunFollower(RunsClient runs, ProgressRenderer progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // A local host killed and restarted takes ~20 s to answer again; a longer silence means it is gone.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public async Task<RunStatusDto> FollowAsync(string runId, CancellationToken cancellationToken)
    {
        var sinceLastAnswer = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                try
                {
                    var status = await runs.GetStatusAsync(runId, cancellationToken).ConfigureAwait(false);
                    sinceLastAnswer.Restart();
                    progress.Update(status);
                    if (status.IsFinished)
                    {
                        return status;
                    }
                }
                catch (Exception ex) when (IsPassing(ex) && sinceLastAnswer.Elapsed < GiveUpAfter)
                {
                    progress.Warn($"retrying: {ex.Message}");
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            progress.Finish();
        }
    }

    // 404 counts as passing: a run just accepted may not be visible yet on a host that is catching up.
    private static bool IsPassing(Exception ex) =>
        ex is HttpRequestException or TimeoutException
        || ex is ApiException { IsTransient: true }
        || ex is ApiException { StatusCode: HttpStatusCode.NotFound };
}
