using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Batch;

public sealed class ModeDecisionTests
{
    private static readonly DateTime Started = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("PT36H", "PT24H", "PT1H", "batch")]
    [InlineData("PT25H", "PT24H", "PT1H", "batch")]
    [InlineData("PT24H", "PT24H", "PT1H", "online")]
    [InlineData("PT8H", "PT6H", "PT2H", "batch")]
    [InlineData("PT8H", "PT6H", "PT2H1M", "online")]
    public void Choose_Auto_PicksBatchOnlyWhenTurnaroundAndReserveFitTheDeadline(string deadline, string turnaround, string reserve, string expected)
    {
        var spec = Spec("auto", deadline, turnaround, reserve);

        var choice = ModeDecision.Choose(spec, Started);

        Assert.Equal(expected, choice.Mode);
        Assert.Equal(expected == "batch" ? Started + spec.Deadline!.Value - spec.Batch.OnlineReserve : null, choice.CutoffUtc);
    }

    [Fact]
    public void Choose_BatchWithoutDeadline_HasNoCutoff()
    {
        var choice = ModeDecision.Choose(JobSpecParser.Parse(SpecJson.With("mode", "\"batch\"")), Started);

        Assert.Equal((RunModes.Batch, (DateTime?)null), (choice.Mode, choice.CutoffUtc));
    }

    [Fact]
    public void Choose_BatchWithDeadline_CutsOffAtDeadlineLessReserve()
    {
        var choice = ModeDecision.Choose(Spec("batch", "PT4H", "PT24H", "PT30M"), Started);

        Assert.Equal((RunModes.Batch, Started.AddHours(3.5)), (choice.Mode, choice.CutoffUtc));
    }

    [Fact]
    public void Choose_Online_IsOnline()
    {
        Assert.Equal(RunModes.Online, ModeDecision.Choose(JobSpecParser.Parse(SpecJson.Valid), Started).Mode);
    }

    private static JobSpec Spec(string mode, string deadline, string turnaround, string reserve) =>
        JobSpecParser.Parse(SpecJson.With(SpecJson.With(SpecJson.With("mode", $"\"{mode}\""), "deadline", $"\"{deadline}\""), "batch",
            $"{{\"expectedTurnaround\": \"{turnaround}\", \"onlineReserve\": \"{reserve}\"}}"));
}
