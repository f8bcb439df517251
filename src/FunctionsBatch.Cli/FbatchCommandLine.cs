using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Cli;

/// <summary>
/// The commands and options of <c>fbatch</c>, parsed by System.CommandLine: help, typos and bad values are its job;
/// what is left is turning a parse into <see cref="CommandLineOptions"/>.
/// </summary>
public sealed class FbatchCommandLine
{
    private readonly Option<string> _host = new("--host") { HelpName = "URL", Description = "Function App or local host (env FBATCH_HOST; default http://127.0.0.1:7071)", Recursive = true };
    private readonly Option<string> _key = new("--key") { HelpName = "KEY", Description = "function key, sent as x-functions-key (env FBATCH_KEY)", Recursive = true };
    private readonly Option<string> _keyFile = new("--key-file")
    {
        HelpName = "PATH",
        Description = "read the key from a file; with no key given at all, .run/localhost.key is used when it exists",
        Recursive = true,
    };

    private readonly Option<string> _job = new("--job") { HelpName = "NAME", Description = "the name of a deployed job (jobs/NAME.json)" };
    private readonly Option<string> _spec = new("--spec") { HelpName = "FILE.json", Description = "an inline job spec, FILE.json" };
    private readonly Option<string> _input = new("--input")
    {
        HelpName = "FILE",
        Description = "the records: .jsonl/.ndjson one object a line, .csv with a header row and an 'id' column, .json an array",
        Required = true,
    };

    private readonly Option<bool> _noWait = new("--no-wait") { Description = "print the run id once the run is accepted, and return" };
    private readonly Option<string> _simulator = new("--sim") { HelpName = "URL", Description = "read the simulator's /sim/stats before and after the run and check its token counts against the run's" };
    private readonly Option<bool> _wait = new("--wait") { Description = "follow the run until it finishes, like 'run'" };
    private readonly Option<bool> _json = new("--json") { Description = "print the API's JSON unchanged" };
    private readonly Option<string> _status = new("--status") { Description = "keep one record status only" };
    private readonly Option<string> _out = new("--out") { HelpName = "FILE.jsonl", Description = "write to FILE.jsonl instead of stdout" };
    private readonly Option<int?> _pageSize = new("--page-size") { HelpName = "N", Description = "records per page asked of the API" };
    private readonly Argument<string> _runId = new("RUN_ID") { Description = "the run's id, as 'run --no-wait' prints it" };

    public FbatchCommandLine()
    {
        _status.AcceptOnlyFromAmong(RecordStatus.Succeeded, RecordStatus.Failed, RecordStatus.Skipped);
        _pageSize.CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return size;
            }

            result.AddError($"--page-size must be a positive whole number, not '{text}'");
            return null;
        };

        var run = new Command("run", "Reads the records of FILE, starts a run of a deployed job (--job) or of an inline spec (--spec), follows it with a progress line on stderr and prints a summary on stdout when it finishes.")
        {
            _job, _spec, _input, _noWait, _simulator,
        };
        run.Validators.Add(result =>
        {
            if ((result.GetResult(_job) is null) == (result.GetResult(_spec) is null))
            {
                result.AddError("'run' needs exactly one of --job NAME or --spec FILE.json");
            }
        });

        Root = new RootCommand("fbatch - start and follow FunctionsBatch runs through the runs HTTP API. Exit codes: 0 the run succeeded or the command did what it was asked; 2 the run completed with failed records; 1 the run failed or was canceled, or an error.")
        {
            _host, _key, _keyFile,
            run,
            new Command("status", "Prints a run's status, counters, tokens and cost.") { _runId, _wait, _json },
            new Command("cancel", "Asks a running run to stop.") { _runId },
            new Command("results", "Writes a run's per-record results as JSON lines (to stdout unless --out), following continuation tokens.") { _runId, _status, _out, _pageSize },
        };
    }

    public RootCommand Root { get; }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args);

    /// <summary>Whether the parse asks for help (<c>--help</c>, <c>-h</c>, <c>-?</c>) rather than for a command.</summary>
    public static bool IsHelp(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Action is HelpAction;
    }

    /// <summary>What a parse without errors asked for.</summary>
    public CommandLineOptions Options(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Errors.Count > 0)
        {
            throw new CliException(parse.Errors[0].Message, [.. parse.Errors.Skip(1).Select(e => e.Message), "see fbatch --help"]);
        }

        var command = parse.CommandResult.Command;
        return new CommandLineOptions
        {
            Command = command.Name,
            RunId = command.Name == "run" ? null : parse.GetValue(_runId),
            Job = parse.GetValue(_job),
            SpecPath = parse.GetValue(_spec),
            InputPath = parse.GetValue(_input),
            NoWait = parse.GetValue(_noWait),
            SimulatorUrl = parse.GetValue(_simulator),
            Status = parse.GetValue(_status),
            OutPath = parse.GetValue(_out),
            PageSize = parse.GetValue(_pageSize),
            Wait = parse.GetValue(_wait),
            Json = parse.GetValue(_json),
            Host = parse.GetValue(_host),
            Key = parse.GetValue(_key),
            KeyFile = parse.GetValue(_keyFile),
        };
    }
}
