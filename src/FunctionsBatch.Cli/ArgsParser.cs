using System.Globalization;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Cli;

/// <summary>Hand-rolled parsing of <c>fbatch COMMAND [RUN_ID] [--option value | --option=value | --flag]...</c>.</summary>
public static class ArgsParser
{
    public const string Help = "help";

    private static readonly string[] ConnectionOptions = ["--host", "--key", "--key-file"];

    private static readonly HashSet<string> Flags = ["--no-wait", "--wait", "--json"];

    private static readonly Dictionary<string, HashSet<string>> OptionsByCommand = new(StringComparer.Ordinal)
    {
        ["run"] = ["--job", "--spec", "--input", "--no-wait", "--sim", .. ConnectionOptions],
        ["status"] = ["--wait", "--json", .. ConnectionOptions],
        ["cancel"] = [.. ConnectionOptions],
        ["results"] = ["--status", "--out", "--page-size", .. ConnectionOptions],
    };

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] == Help || args.Any(a => a is "--help" or "-h"))
        {
            return new CommandLineOptions { Command = Help };
        }

        var command = args[0];
        if (!OptionsByCommand.TryGetValue(command, out var allowed))
        {
            throw new CliException($"unknown command '{command}': expected run, status, cancel or results (see fbatch --help)");
        }

        var (values, positionals) = Tokenize(command, args, allowed);
        return command == "run" ? ForRun(values, positionals) : ForRunId(command, values, positionals);
    }

    private static (Dictionary<string, string> Values, List<string> Positionals) Tokenize(string command, IReadOnlyList<string> args, HashSet<string> allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!allowed.Contains(name))
            {
                throw new CliException($"'{command}' has no option {name} (see fbatch --help)");
            }

            if (values.ContainsKey(name))
            {
                throw new CliException($"{name} is given more than once");
            }

            if (Flags.Contains(name))
            {
                values[name] = equals < 0 ? "true" : throw new CliException($"{name} takes no value");
                continue;
            }

            values[name] = equals >= 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count ? args[++i]
                : throw new CliException($"{name} needs a value");
            if (values[name].Length == 0)
            {
                throw new CliException($"{name} needs a non-empty value");
            }
        }

        return (values, positionals);
    }

    private static CommandLineOptions ForRun(Dictionary<string, string> values, List<string> positionals)
    {
        if (positionals.Count > 0)
        {
            throw new CliException($"'run' takes no positional arguments, got '{positionals[0]}'");
        }

        var job = values.GetValueOrDefault("--job");
        var spec = values.GetValueOrDefault("--spec");
        if ((job is null) == (spec is null))
        {
            throw new CliException("'run' needs exactly one of --job NAME or --spec FILE.json");
        }

        return new CommandLineOptions
        {
            Command = "run",
            Job = job,
            SpecPath = spec,
            InputPath = values.GetValueOrDefault("--input") ?? throw new CliException("'run' needs --input FILE (.jsonl, .csv or .json)"),
            NoWait = values.ContainsKey("--no-wait"),
            SimulatorUrl = values.GetValueOrDefault("--sim"),
            Host = values.GetValueOrDefault("--host"),
            Key = values.GetValueOrDefault("--key"),
            KeyFile = values.GetValueOrDefault("--key-file"),
        };
    }

    private static CommandLineOptions ForRunId(string command, Dictionary<string, string> values, List<string> positionals)
    {
        if (positionals.Count != 1)
        {
            throw new CliException(positionals.Count == 0 ? $"'{command}' needs a RUN_ID" : $"'{command}' takes one RUN_ID, got {positionals.Count} arguments");
        }

        var status = values.GetValueOrDefault("--status");
        if (status is not null and not (RecordStatus.Succeeded or RecordStatus.Failed or RecordStatus.Skipped))
        {
            throw new CliException($"--status must be {RecordStatus.Succeeded}, {RecordStatus.Failed} or {RecordStatus.Skipped}, not '{status}'");
        }

        return new CommandLineOptions
        {
            Command = command,
            RunId = positionals[0],
            Status = status,
            OutPath = values.GetValueOrDefault("--out"),
            PageSize = values.TryGetValue("--page-size", out var size) ? ParsePageSize(size) : null,
            Wait = values.ContainsKey("--wait"),
            Json = values.ContainsKey("--json"),
            Host = values.GetValueOrDefault("--host"),
            Key = values.GetValueOrDefault("--key"),
            KeyFile = values.GetValueOrDefault("--key-file"),
        };
    }

    private static int ParsePageSize(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : throw new CliException($"--page-size must be a positive whole number, not '{text}'");
}
