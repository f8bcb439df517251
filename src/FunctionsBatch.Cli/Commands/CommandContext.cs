using FunctionsBatch.Cli.Http;
using FunctionsBatch.Cli.Output;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Commands;

/// <summary>What every command works with: the API client, the shared HttpClient and the two output streams.</summary>
public sealed record CommandContext(RunsClient Runs, HttpClient Http, TextWriter Out, TextWriter Error, bool Interactive, Func<int> TerminalWidth)
{
    public RunFollower NewFollower() => new(Runs, new ProgressRenderer(Error, Interactive, TerminalWidth));
}
