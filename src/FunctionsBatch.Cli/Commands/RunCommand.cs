using System.Diagnostics;
using System.Text.Json;
using FunctionsBatch.Cli.Http;
using FunctionsBatch.Cli.Output;
using FunctionsBatch.Cli.Records;
using FunctionsBatch.Client;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Cli.Commands;

/// <summary><c>fbatch run</c>: read the records, start the run, follow it, print the summary.</summary>
public sealed class RunCommand(CommandContext context)
{
    public async Task<int> ExecuteAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var spec = options.SpecPath is { } specPath ? ReadSpec(specPath) : (JsonElement?)null;
        var records = RecordFileReader.Read(options.InputPath!);
        context.Error.WriteLine($"read {Format.Count(records.Count)} records from {options.InputPath}");
        var simulator = options.SimulatorUrl is { } url ? new SimulatorClient(context.Http, ConnectionSettings.ParseBaseUrl(url, "--sim")) : null;
        var before = simulator is null ? null : await TryGetStatsAsync(simulator, cancellationToken).ConfigureAwait(false);

        await context.Runs.CheckAccessAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using var content = spec is { } inline ? StartRunContent.ForSpec(inline, records) : StartRunContent.ForJob(options.Job!, records);
        var started = await context.Runs.StartAsync(content, cancellationToken).ConfigureAwait(false);
        if (options.NoWait)
        {
            context.Out.WriteLine(started.Id);
            context.Error.WriteLine($"run accepted; follow it with: fbatch status {started.Id} --wait");
            return ExitCodes.Succeeded;
        }

        context.Error.WriteLine($"run {started.Id} accepted (Ctrl+C stops following, not the run)");
        RunStatusDto final;
        try
        {
            final = await context.NewFollower().FollowAsync(started.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"stopped following; run {started.Id} goes on (fbatch status {started.Id} --wait, or fbatch cancel {started.Id})");
        }

        clock.Stop();
        var after = simulator is null || before is null ? null : await TryGetStatsAsync(simulator, cancellationToken).ConfigureAwait(false);
        SummaryPrinter.Print(context.Out, final, clock.Elapsed, after?.Minus(before!));
        return ExitCodes.ForOutcome(final.Outcome);
    }

    private static JsonElement ReadSpec(string path)
    {
        JsonElement spec;
        try
        {
            spec = JsonSerializer.Deserialize<JsonElement>(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"cannot read the spec '{path}': {ex.Message}");
        }

        // The host validates again; checking here reports a bad spec before a large upload.
        var errors = JobSpecParser.Validate(spec, "$.spec");
        return errors.Count == 0
            ? spec
            : throw new CliException($"the spec '{path}' cannot be run; nothing was sent", errors.Select(e => e.ToString()).ToArray());
    }

    private async Task<SimulatorStats?> TryGetStatsAsync(SimulatorClient simulator, CancellationToken cancellationToken)
    {
        try
        {
            return await simulator.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine($"warning: cannot read the simulator's stats ({ex.Message}); tokens will not be compared");
            return null;
        }
    }
}
