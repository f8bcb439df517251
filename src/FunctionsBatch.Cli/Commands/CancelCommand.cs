namespace FunctionsBatch.Cli.Commands;

/// <summary><c>fbatch cancel RUN_ID</c>.</summary>
public sealed class CancelCommand(CommandContext context)
{
    public async Task<int> ExecuteAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var accepted = await context.Runs.CancelAsync(options.RunId!, cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine($"cancel requested for run {accepted.Id}");
        context.Error.WriteLine($"see it stop with: fbatch status {accepted.Id} --wait");
        return ExitCodes.Succeeded;
    }
}
