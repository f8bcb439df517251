using FunctionsBatch.Cli.Output;

namespace FunctionsBatch.Cli.Commands;

/// <summary><c>fbatch status RUN_ID [--wait] [--json]</c>.</summary>
public sealed class StatusCommand(CommandContext context)
{
    public async Task<int> ExecuteAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runId = options.RunId!;
        var (status, json) = await context.Runs.GetStatusWithJsonAsync(runId, cancellationToken).ConfigureAwait(false);
        if (options.Wait && !status.IsFinished)
        {
            await context.NewFollower().FollowAsync(runId, cancellationToken).ConfigureAwait(false);
            (status, json) = await context.Runs.GetStatusWithJsonAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        if (options.Json)
        {
            context.Out.WriteLine(json);
        }
        else
        {
            SummaryPrinter.Print(context.Out, status);
        }

        return status.IsFinished ? ExitCodes.ForOutcome(status.Outcome) : ExitCodes.Succeeded;
    }
}
