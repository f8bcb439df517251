using System.Text;
using FunctionsBatch.Cli.Output;

namespace FunctionsBatch.Cli.Commands;

/// <summary><c>fbatch results RUN_ID [--status S] [--out FILE]</c>: every page, one JSON line per record.</summary>
public sealed class ResultsCommand(CommandContext context)
{
    public async Task<int> ExecuteAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = options.OutPath is { } path ? OpenOut(path) : null;
        await using (file)
        {
            var writer = file ?? context.Out;
            var written = 0L;
            await foreach (var result in context.Runs.ReadResultsAsync(options.RunId!, options.Status, options.PageSize, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(result.GetRawText()).ConfigureAwait(false);
                written++;
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            var what = options.Status is null ? "results" : $"{options.Status} results";
            context.Error.WriteLine($"{Format.Count(written)} {what} of run {options.RunId}{(options.OutPath is null ? string.Empty : $" written to {options.OutPath}")}");
        }

        return ExitCodes.Succeeded;
    }

    private static StreamWriter OpenOut(string path)
    {
        try
        {
            return new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{path}': {ex.Message}");
        }
    }
}
