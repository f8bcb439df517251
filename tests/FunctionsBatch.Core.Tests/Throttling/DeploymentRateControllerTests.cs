using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Core.Tests.Throttling;

public sealed class DeploymentRateControllerTests
{
    private static readonly TimeSpan Start = TimeSpan.FromHours(1);

    /// <summary>Paces to the whole of a known quota, so the figures below are round.</summary>
    private static readonly RateControlOptions Exact = RateControlOptions.Default with { CeilingUse = 1 };

    [Fact]
    public void Reserve_NoQuotaAndNoSignalYet_IsNotPaced()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);

        var waits = Enumerable.Range(0, 100).Select(_ => Wait(controller, 5_000, Start)).ToList();

        Assert.All(waits, w => Assert.Equal(TimeSpan.Zero, w));
        Assert.False(controller.Tokens.Known);
    }

    [Fact]
    public void Throttled_SeveralCallsOfOneBurst_PausesForRetryAfterAndCutsOnce()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        var tickets = Enumerable.Range(0, 3).Select(i => controller.Reserve(100, Start, out _)).ToList();

        controller.Throttled(tickets[0], TimeSpan.FromSeconds(2), RateSignal.None, Start);
        controller.Throttled(tickets[1], TimeSpan.FromSeconds(2), RateSignal.None, Start);
        controller.Throttled(tickets[2], TimeSpan.FromSeconds(2), RateSignal.None, Start);

        Assert.Equal(1, controller.Cuts);
        Assert.Equal(1_000 * RateControlOptions.Default.DecreaseUnderCeiling, controller.Tokens.PerSecond, 6);
        Assert.Equal(TimeSpan.FromSeconds(2), controller.PausedFor(Start));
        Assert.True(Wait(controller, 100, Start) >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Reserve_DuringAPause_SpacesTheCallsAtTheRateFromThePausesEnd()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        controller.Throttled(controller.Reserve(1_000, Start, out _), TimeSpan.FromSeconds(5), RanOut, Start);
        var rate = controller.Tokens.PerSecond;

        var waits = Enumerable.Range(0, 3).Select(_ => Wait(controller, (int)rate, Start).TotalSeconds).ToList();

        // Not all three at the end of the pause (which would spend a sliding window at once): one second apart.
        Assert.Equal([6, 7, 8], waits.Select(w => Math.Round(w, 3)));
    }

    [Fact]
    public void Release_CallThatGivesItsPlaceBack_LetsTheNextOneGoSooner()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        controller.Reserve(1_000, Start, out _);
        var second = controller.Reserve(1_000, Start, out var secondWait);

        controller.Release(second, Start);

        Assert.Equal(1, secondWait.TotalSeconds, 3);
        Assert.Equal(1, Wait(controller, 1_000, Start).TotalSeconds, 3);
    }

    [Fact]
    public void Throttled_CallAdmittedAfterTheCut_CutsAgain()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        var first = controller.Reserve(100, Start, out _);
        controller.Throttled(first, TimeSpan.FromMilliseconds(100), RanOut, Start);
        var later = controller.Reserve(100, Start + TimeSpan.FromSeconds(1), out _);

        controller.Throttled(later, TimeSpan.FromMilliseconds(100), RanOut, Start + TimeSpan.FromSeconds(1));

        Assert.Equal(2, controller.Cuts);
        Assert.Equal(1_000 * Math.Pow(RateControlOptions.Default.DecreaseUnderCeiling, 2), controller.Tokens.PerSecond, 6);
    }

    [Fact]
    public void Answered_CleanSecondsAfterACut_RaiseTheRateBackToTheCeilingAndNoFurther()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        controller.Throttled(controller.Reserve(100, Start, out _), TimeSpan.Zero, RanOut, Start);
        var cut = controller.Tokens.PerSecond;

        var now = Start;
        for (var second = 0; second < 30; second++)
        {
            now += TimeSpan.FromSeconds(1);
            controller.Answered(controller.Reserve(100, now, out _), RateSignal.None, now);
            if (second == 0)
            {
                Assert.InRange(controller.Tokens.PerSecond, cut * 1.005, cut * 1.02);
            }
        }

        Assert.Equal(1_000, controller.Tokens.PerSecond, 6);
    }

    [Fact]
    public void Throttled_BeforeAnythingWasAnswered_KeepsTheRateUnknownAndDoublesThePausePerBurst()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);
        var now = Start;
        var pauses = new List<TimeSpan>();
        for (var burst = 0; burst < 12; burst++)
        {
            ThrottleBurst(controller, 2, now);
            pauses.Add(controller.PausedFor(now));
            now += controller.PausedFor(now);
        }

        Assert.False(controller.Tokens.Known);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], pauses.Take(7).Select(p => p.TotalSeconds));
        Assert.All(pauses, p => Assert.True(p <= DeploymentRateController.MaxPause));

        controller.Answered(controller.Reserve(100, now, out _), RateSignal.None, now);
        ThrottleBurst(controller, 2, now);
        Assert.Equal(TimeSpan.FromSeconds(1), controller.PausedFor(now));
    }

    [Fact]
    public void Throttled_LoneRefusalWithoutHeadersEarlyInARun_NeitherPausesNorLearnsARate()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);
        controller.Answered(controller.Reserve(1_000, Start, out _), RateSignal.None, Start);

        controller.Throttled(controller.Reserve(1_000, Start, out _), TimeSpan.FromSeconds(1), RateSignal.None, Start);

        Assert.Equal(TimeSpan.Zero, controller.PausedFor(Start));
        Assert.False(controller.Tokens.Known);
    }

    [Fact]
    public void Throttled_UnknownRateCongestedWithoutHeaders_PausesEveryCallButPacesToNoGuessedRate()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);
        var now = Start + TimeSpan.FromSeconds(1);
        for (var i = 0; i < 5; i++)
        {
            controller.Answered(controller.Reserve(1_000, now, out _), RateSignal.None, now);
        }

        ThrottleBurst(controller, 3, now);

        Assert.Equal(TimeSpan.FromSeconds(1), controller.PausedFor(now));
        Assert.False(controller.Tokens.Known);
        Assert.Equal(0, controller.Cuts);
    }

    [Fact]
    public void Throttled_UnknownRateAfterAnswers_SeedsFromTheMeasuredRateOverAtLeastTenSeconds()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);
        var now = Start + TimeSpan.FromSeconds(2);
        for (var i = 0; i < 50; i++)
        {
            controller.Answered(controller.Reserve(1_000, now, out _), RateSignal.None, now);
        }

        controller.Throttled(controller.Reserve(1_000, now, out _), TimeSpan.FromSeconds(1), new RateSignal(RemainingTokens: 0), now);

        // 50,000 tokens answered in the first 2 s: the rate is taken over 10 s, then cut.
        Assert.Equal(5_000 * RateControlOptions.Default.Decrease, controller.Tokens.PerSecond, 6);
    }

    [Fact]
    public void Throttled_OneRefusalAmongManyAnswersWithoutHeaders_NeitherCutsNorPausesTheOthers()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact, Start);
        for (var i = 0; i < 20; i++)
        {
            controller.Answered(controller.Reserve(100, Start, out _), RateSignal.None, Start);
        }

        controller.Throttled(controller.Reserve(100, Start, out _), TimeSpan.FromSeconds(5), RateSignal.None, Start);

        Assert.Equal(0, controller.Cuts);
        Assert.Equal(TimeSpan.Zero, controller.PausedFor(Start));
        Assert.Equal(1_000, controller.Tokens.PerSecond, 6);
    }

    [Fact]
    public void Throttled_HeadersShowRoomLeft_DoesNotCut()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 600), Exact, Start);

        controller.Throttled(controller.Reserve(100, Start, out _), TimeSpan.FromSeconds(1), new RateSignal(RemainingTokens: 5_000, RemainingRequests: 8), Start);

        Assert.Equal(0, controller.Cuts);
        Assert.Equal(1_000, controller.Tokens.PerSecond, 6);
    }

    [Fact]
    public void Answered_RemainingHeaderShowsTheSentCallsUseUpWhatIsLeft_StartsPacingAtTheWindowOverTenSecondsBeforeAny429()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);
        var first = controller.Reserve(1_000, Start, out _);
        for (var i = 0; i < 9; i++)
        {
            controller.Reserve(1_000, Start, out _);
        }

        controller.Answered(first, new RateSignal(RemainingTokens: 3_000), Start + TimeSpan.FromMilliseconds(200));

        // The window held 4,000 (3,000 left after this call's 1,000): 400 a second over Azure's 10 s, where the
        // 1,000 answered so far would say only 100.
        Assert.Equal(400, controller.Tokens.PerSecond, 6);
        Assert.Equal(0, controller.Cuts);
        Assert.False(controller.SpendsHeadroom);
        Assert.True(Wait(controller, 1_000, Start + TimeSpan.FromMilliseconds(200)) > TimeSpan.Zero);
    }

    [Fact]
    public void Answered_HeadroomReportedAfterTheRateRanOut_IsNotSpentBeyondThePacedBurst()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact with { BurstSeconds = 1 }, Start);
        controller.Throttled(controller.Reserve(1_000, Start, out _), TimeSpan.FromSeconds(1), RanOut, Start);
        var now = Start + TimeSpan.FromSeconds(10);

        // The window slid past the opening burst: the service reports it all free again, but spending it at once
        // would only leave the next hole.
        controller.Answered(controller.Reserve(1_000, now, out _), new RateSignal(RemainingTokens: 10_000), now);

        var waits = Enumerable.Range(0, 3).Select(_ => Wait(controller, 1_000, now)).ToList();
        Assert.False(controller.SpendsHeadroom);
        Assert.True(waits[^1] > TimeSpan.Zero);
    }

    [Fact]
    public void Answered_RemainingHeaderShowsHeadroom_SpendsItAtOnce()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 0), Exact with { BurstSeconds = 1 }, Start);
        var first = controller.Reserve(1_000, Start, out _);

        // One second of quota is the pacer's own burst; the service says ten seconds' worth is free, beyond the room
        // the controller keeps (2 % of the 11,300 window: 226).
        controller.Answered(first, new RateSignal(RemainingTokens: 10_300), Start);

        var waits = Enumerable.Range(0, 10).Select(_ => Wait(controller, 1_000, Start)).ToList();
        Assert.All(waits, w => Assert.Equal(TimeSpan.Zero, w));
        Assert.True(Wait(controller, 1_000, Start) > TimeSpan.Zero);
    }

    [Fact]
    public void Answered_LimitHeader_BecomesTheCeilingAndTheRate()
    {
        var controller = new DeploymentRateController(DeploymentQuota.Unknown, Exact, Start);

        controller.Answered(controller.Reserve(100, Start, out _), new RateSignal(LimitTokens: 120_000, LimitRequests: 600), Start);

        Assert.Equal(2_000, controller.Tokens.Ceiling, 6);
        Assert.Equal(2_000, controller.Tokens.PerSecond, 6);
        Assert.Equal(10, controller.Requests.PerSecond, 6);
    }

    [Fact]
    public void Constructor_ConfiguredQuota_PacesJustUnderIt()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 600), RateControlOptions.Default, Start);

        Assert.Equal(1_000 * RateControlOptions.Default.CeilingUse, controller.Tokens.PerSecond, 6);
        Assert.Equal(10 * RateControlOptions.Default.CeilingUse, controller.Requests.Ceiling, 6);
    }

    [Fact]
    public void SetShare_TwoProcesses_HalvesTheConfiguredCeiling()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 600), Exact, Start);

        controller.SetShare(0.5, Start);

        Assert.Equal(500, controller.Tokens.Ceiling, 6);
        Assert.Equal(500, controller.Tokens.PerSecond, 6);
        Assert.Equal(5, controller.Requests.PerSecond, 6);
    }

    [Fact]
    public void Throttled_RequestsRanOutAccordingToTheHeaders_CutsTheRequestRateOnly()
    {
        var controller = new DeploymentRateController(new DeploymentQuota(60_000, 600), Exact, Start);

        controller.Throttled(controller.Reserve(100, Start, out _), TimeSpan.FromSeconds(1), new RateSignal(RemainingTokens: 50_000, RemainingRequests: 0), Start);

        Assert.Equal(1_000, controller.Tokens.PerSecond, 6);
        Assert.Equal(10 * RateControlOptions.Default.DecreaseUnderCeiling, controller.Requests.PerSecond, 6);
    }

    /// <summary>A 429 whose headers say the tokens ran out.</summary>
    private static readonly RateSignal RanOut = new(RemainingTokens: 0);

    /// <summary>Calls sent together and all answered 429 without headers.</summary>
    private static void ThrottleBurst(DeploymentRateController controller, int calls, TimeSpan now)
    {
        var tickets = Enumerable.Range(0, calls).Select(_ => controller.Reserve(100, now, out TimeSpan _)).ToList();
        tickets.ForEach(t => controller.Throttled(t, TimeSpan.FromSeconds(1), RateSignal.None, now));
    }

    private static TimeSpan Wait(DeploymentRateController controller, int tokens, TimeSpan now)
    {
        controller.Reserve(tokens, now, out var wait);
        return wait;
    }
}
