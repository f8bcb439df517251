using System.Globalization;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Batch;

/// <summary>
/// Chooses online or batch for a run. <c>auto</c> picks batch when the expected batch turnaround plus the reserve
/// kept for finishing online fits before the deadline; with any deadline, a batch still running at
/// deadline − reserve is cut off and what it has not answered goes online.
/// </summary>
public static class ModeDecision
{
    public static ModeChoice Choose(JobSpec spec, DateTime startedUtc)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var deadlineUtc = spec.Deadline is { } deadline ? startedUtc + deadline : (DateTime?)null;
        var cutoff = deadlineUtc is { } at ? at - spec.Batch.OnlineReserve : (DateTime?)null;
        switch (spec.Mode)
        {
            case RunModes.Batch:
                return new ModeChoice(RunModes.Batch, cutoff, "mode is batch");
            case RunModes.Auto when spec.Deadline is { } within:
                var needed = spec.Batch.ExpectedTurnaround + spec.Batch.OnlineReserve;
                return needed <= within
                    ? new ModeChoice(RunModes.Batch, cutoff, string.Create(CultureInfo.InvariantCulture, $"auto: a batch ({spec.Batch.ExpectedTurnaround} expected, {spec.Batch.OnlineReserve} reserve) fits the {within} deadline"))
                    : new ModeChoice(RunModes.Online, null, string.Create(CultureInfo.InvariantCulture, $"auto: a batch ({spec.Batch.ExpectedTurnaround} expected, {spec.Batch.OnlineReserve} reserve) would miss the {within} deadline"));
            default:
                return new ModeChoice(RunModes.Online, null, "mode is online");
        }
    }
}
