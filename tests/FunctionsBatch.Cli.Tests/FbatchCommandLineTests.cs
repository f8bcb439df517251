using FunctionsBatch.Cli;

namespace FunctionsBatch.Cli.Tests;

public sealed class FbatchCommandLineTests
{
    private readonly FbatchCommandLine _commandLine = new();

    [Fact]
    public void Options_RunWithJobInputAndConnection_ReadsEveryValue()
    {
        var options = Parse("run", "--job", "classify-tickets", "--input", "samples/tickets.jsonl", "--host", "http://127.0.0.1:7071", "--key-file", ".run/localhost.key", "--sim", "http://127.0.0.1:7072", "--no-wait");

        Assert.Equal(
            ("run", "classify-tickets", null, "samples/tickets.jsonl", true, null),
            (options.Command, options.Job, options.SpecPath, options.InputPath, options.NoWait, options.RunId));
        Assert.Equal(
            ("http://127.0.0.1:7071", ".run/localhost.key", "http://127.0.0.1:7072"),
            (options.Host, options.KeyFile, options.SimulatorUrl));
    }

    [Fact]
    public void Options_ConnectionBeforeTheCommand_IsReadToo()
    {
        var options = Parse("--host=http://example.test", "--key", "k", "status", "run-1", "--json");

        Assert.Equal(("status", "run-1", "http://example.test", "k", true, false), (options.Command, options.RunId, options.Host, options.Key, options.Json, options.Wait));
    }

    [Fact]
    public void Options_ResultsWithStatusOutAndPageSize_ReadsThem()
    {
        var options = Parse("results", "run-1", "--status", "failed", "--out", "failed.jsonl", "--page-size", "500");

        Assert.Equal(("results", "run-1", "failed", "failed.jsonl", 500), (options.Command, options.RunId, options.Status, options.OutPath, options.PageSize));
    }

    [Theory]
    [InlineData("'run' needs exactly one of --job NAME or --spec FILE.json", "run", "--input", "a.jsonl")]
    [InlineData("'run' needs exactly one of --job NAME or --spec FILE.json", "run", "--job", "j", "--spec", "s.json", "--input", "a.jsonl")]
    [InlineData("--input", "run", "--job", "j")]
    [InlineData("RUN_ID", "status")]
    [InlineData("--page-size must be a positive whole number", "results", "run-1", "--page-size", "0")]
    [InlineData("--page-size must be a positive whole number, not 'many'", "results", "run-1", "--page-size", "many")]
    [InlineData("succeeded", "results", "run-1", "--status", "lost")]
    [InlineData("--wait", "cancel", "run-1", "--wait")]
    [InlineData("deploy", "deploy")]
    [InlineData("Required command was not provided", "--host", "http://h")]
    public void Options_BadCommandLine_SaysWhatIsWrong(string expected, params string[] args)
    {
        var error = Assert.Throws<CliException>(() => Parse(args));

        Assert.Contains(expected, string.Join(" | ", [error.Message, .. error.Details]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("run", "--help")]
    public void IsHelp_HelpAsked_IsTrue(params string[] args) =>
        Assert.True(FbatchCommandLine.IsHelp(_commandLine.Parse(args)));

    private CommandLineOptions Parse(params string[] args) => _commandLine.Options(_commandLine.Parse(args));
}
