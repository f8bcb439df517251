using System.CommandLine;
using System.Net;
using FunctionsBatch.Cli.Commands;
using FunctionsBatch.Cli.Http;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli;

/// <summary>Parses the command line, runs one command and turns every failure into a short message and an exit code.</summary>
public sealed class CliApp(HttpClient http, TextWriter output, TextWriter error, bool interactive, Func<int> terminalWidth, Func<string, string?> environment)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ConnectionSettings? connection = null;
        try
        {
            var commandLine = new FbatchCommandLine();
            var parse = commandLine.Parse(args);
            if (FbatchCommandLine.IsHelp(parse))
            {
                return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
            }

            var options = commandLine.Options(parse);
            connection = ConnectionSettings.Resolve(options, environment);
            var context = new CommandContext(new RunsClient(http, connection.Host, connection.Key), http, output, error, interactive, terminalWidth);
            return options.Command switch
            {
                "run" => await new RunCommand(context).ExecuteAsync(options, cancellationToken).ConfigureAwait(false),
                "status" => await new StatusCommand(context).ExecuteAsync(options, cancellationToken).ConfigureAwait(false),
                "cancel" => await new CancelCommand(context).ExecuteAsync(options, cancellationToken).ConfigureAwait(false),
                _ => await new ResultsCommand(context).ExecuteAsync(options, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (CliException ex)
        {
            Report(ex.Message, ex.Details);
        }
        catch (ApiException ex)
        {
            var details = ex.Error?.Details?.Select(d => $"{d.Path}: {d.Message}").ToList() ?? [];
            if (Hint(ex, connection) is { } hint)
            {
                details.Add(hint);
            }

            Report(ex.Message, details);
        }
        catch (HttpRequestException ex)
        {
            var cause = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message} ({inner.Message})" : ex.Message;
            Report($"cannot reach {connection?.Host.ToString() ?? "the host"}: {cause}", ["is the host running? set it with --host or FBATCH_HOST"]);
        }
        catch (TimeoutException ex)
        {
            Report(ex.Message, []);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report("interrupted", []);
        }

        return ExitCodes.Error;
    }

    private static string? Hint(ApiException ex, ConnectionSettings? connection) => ex.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when connection?.Key is null =>
            $"no function key was sent: pass --key, set FBATCH_KEY, or --key-file PATH (the local host writes {ConnectionSettings.LocalHostKeyFile})",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"the host refused the function key from {connection?.KeySource}",
        HttpStatusCode.NotFound when ex.Error is null =>
            $"no runs API at {connection?.Host}; is --host right?",
        _ => null,
    };

    private void Report(string message, IReadOnlyList<string> details)
    {
        error.WriteLine($"error: {message}");
        foreach (var detail in details)
        {
            error.WriteLine($"  {detail}");
        }
    }
}
