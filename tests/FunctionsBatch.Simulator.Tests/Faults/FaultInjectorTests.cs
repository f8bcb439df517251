using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Faults;

namespace FunctionsBatch.Simulator.Tests.Faults;

public sealed class FaultInjectorTests
{
    private static readonly FaultPolicy NoFaults = FaultPolicy.Defaults;

    [Fact]
    public void Plan_NoMarkersNoRates_PlansNothingAndCountsNothing()
    {
        var injector = new FaultInjector();

        var plan = injector.Plan(NoFaults, Messages("an ordinary ticket"), null);

        Assert.Equal(FaultPlan.None, plan);
    }

    [Fact]
    public void Plan_FailOnceMarker_FailsFirstAttemptThenSucceeds()
    {
        var injector = new FaultInjector();
        var messages = Messages("ticket 7 [[FAIL-ONCE]]");

        var first = injector.Plan(NoFaults, messages, null);
        var second = injector.Plan(NoFaults, messages, null);

        Assert.Equal(1, first.Attempt);
        Assert.NotNull(first.ServerErrorStatus);
        Assert.Equal(2, second.Attempt);
        Assert.Null(second.ServerErrorStatus);
    }

    [Fact]
    public void Plan_FailFirstAttemptsThree_FailsThreeAttempts()
    {
        var injector = new FaultInjector();
        var policy = NoFaults with { FailFirstAttempts = 3 };
        var messages = Messages("ticket [[THROTTLE-ONCE]]");

        var throttled = Enumerable.Range(0, 5).Select(_ => injector.Plan(policy, messages, null).ThrottleRetryAfterMs is not null).ToArray();

        Assert.Equal([true, true, true, false, false], throttled);
    }

    [Fact]
    public void Plan_OtherContent_HasItsOwnAttemptCount()
    {
        var injector = new FaultInjector();
        injector.Plan(NoFaults, Messages("first [[RESET-ONCE]]"), null);

        var other = injector.Plan(NoFaults, Messages("second [[RESET-ONCE]]"), null);

        Assert.True(other.Reset);
        Assert.Equal(1, other.Attempt);
    }

    [Fact]
    public void Plan_ServerErrorRate_FailsExactlyThePredictedContentsOnce()
    {
        var policy = NoFaults with { ServerErrorRate = 0.3 };
        var contents = Enumerable.Range(0, 400).Select(i => Messages($"ticket number {i}")).ToList();
        var predicted = contents.Select(m => FaultInjector.Roll(m, 0) < 0.3).ToArray();

        var injector = new FaultInjector();
        var firstAttempts = contents.Select(m => injector.Plan(policy, m, null).ServerErrorStatus is not null).ToArray();
        var secondAttempts = contents.Select(m => injector.Plan(policy, m, null).ServerErrorStatus is not null).ToArray();
        var otherProcess = new FaultInjector();
        var againInOtherOrder = contents.AsEnumerable().Reverse().Select(m => otherProcess.Plan(policy, m, null).ServerErrorStatus is not null).Reverse().ToArray();

        Assert.Equal(predicted, firstAttempts);
        Assert.Equal(predicted, againInOtherOrder);
        Assert.DoesNotContain(true, secondAttempts);
        Assert.InRange(predicted.Count(f => f), 90, 150);
    }

    [Fact]
    public void Plan_RatesOfSeveralKinds_FallInDisjointBands()
    {
        var policy = NoFaults with { ThrottleRate = 0.2, ServerErrorRate = 0.2, ResetRate = 0.2, SlowRate = 0.1, TruncatedRate = 0.1, SchemaViolationRate = 0.2 };
        var injector = new FaultInjector();

        var plans = Enumerable.Range(0, 300).Select(i => injector.Plan(policy, Messages($"ticket {i}"), null)).ToList();

        foreach (var plan in plans)
        {
            var kinds = new[] { plan.ThrottleRetryAfterMs is not null, plan.ServerErrorStatus is not null, plan.Reset, plan.SlowMs is not null, plan.Truncate, plan.ViolateSchema };
            Assert.Equal(1, kinds.Count(k => k));
        }

        Assert.InRange(plans.Count(p => p.Reset), 35, 85);
    }

    [Fact]
    public void Plan_RatePerAttempt_RollsEachAttemptAsPredicted()
    {
        var policy = NoFaults with { ThrottleRate = 0.5, RatePerAttempt = true };
        var messages = Messages("a ticket that may be throttled many times");
        var injector = new FaultInjector();

        var actual = Enumerable.Range(1, 40).Select(_ => injector.Plan(policy, messages, null).ThrottleRetryAfterMs is not null).ToArray();

        var predicted = Enumerable.Range(1, 40).Select(attempt => FaultInjector.Roll(messages, attempt) < 0.5).ToArray();
        Assert.Equal(predicted, actual);
        Assert.Contains(true, actual);
        Assert.Contains(false, actual);
    }

    [Fact]
    public void Plan_AlternatingServerErrors_GiveBoth500And503()
    {
        var policy = NoFaults with { ServerErrorRate = 1, FailFirstAttempts = 2 };
        var injector = new FaultInjector();
        var messages = Messages("ticket");

        var statuses = new[] { injector.Plan(policy, messages, null).ServerErrorStatus, injector.Plan(policy, messages, null).ServerErrorStatus };

        Assert.Equal([500, 503], statuses.Order());
    }

    [Fact]
    public void Plan_ConfiguredStatus_UsesIt()
    {
        var plan = new FaultInjector().Plan(NoFaults with { ServerErrorStatus = 502 }, Messages("x [[FAIL-ONCE]]"), null);

        Assert.Equal(502, plan.ServerErrorStatus);
    }

    [Fact]
    public void Plan_ThrottleAll_ThrottlesEveryAttempt()
    {
        var injector = new FaultInjector();
        var policy = NoFaults with { ThrottleAll = true, RetryAfterMs = 25 };

        var plans = Enumerable.Range(0, 5).Select(_ => injector.Plan(policy, Messages("same"), null)).ToList();

        Assert.All(plans, p => Assert.Equal(25, p.ThrottleRetryAfterMs));
    }

    [Fact]
    public void Plan_HeaderGiven_ReplacesMarkersAndRates()
    {
        var injector = new FaultInjector();
        var policy = NoFaults with { ThrottleRate = 1, SlowMs = 10 };

        var forced = injector.Plan(policy, Messages("x [[FAIL-ONCE]] [[BLOCK]]"), [new ForcedFault(FaultKind.Slow, null), new ForcedFault(FaultKind.ServerError, 503)]);
        var none = injector.Plan(policy, Messages("y [[FAIL-ONCE]]"), []);

        Assert.Equal(10, forced.SlowMs);
        Assert.Equal(503, forced.ServerErrorStatus);
        Assert.Null(forced.ThrottleRetryAfterMs);
        Assert.False(forced.ContentFilter);
        Assert.Equal(new FaultPlan { Attempt = 1 }, none);
    }

    [Fact]
    public void Plan_ContentFilterMarker_IsPermanent()
    {
        var injector = new FaultInjector();

        var plans = Enumerable.Range(0, 4).Select(_ => injector.Plan(NoFaults, Messages("please [[BLOCK]] this"), null)).ToList();

        Assert.All(plans, p => Assert.True(p.ContentFilter));
    }

    [Fact]
    public void Plan_MarkerDisabledByEmptyString_IsIgnored()
    {
        var plan = new FaultInjector().Plan(NoFaults with { ContentFilterMarker = string.Empty }, Messages("please [[BLOCK]] this"), null);

        Assert.False(plan.ContentFilter);
    }

    [Fact]
    public void ViolatesSchema_OnceMarker_SpentPerFirstUserMessageNotPerContent()
    {
        var injector = new FaultInjector();
        var original = Messages("classify this [[BADJSON-ONCE]]");
        var reask = new List<ChatMessageText>(original)
        {
            new("assistant", "{\"category\":\"unlisted\"}"),
            new("user", "Your answer did not match the schema. Try again."),
        };

        var first = injector.ViolatesSchema(injector.Plan(NoFaults, original, null), NoFaults);
        var repaired = injector.ViolatesSchema(injector.Plan(NoFaults, reask, null), NoFaults);
        var always = injector.Plan(NoFaults, Messages("classify this [[BADJSON]]"), null);

        Assert.True(first);
        Assert.False(repaired);
        Assert.True(injector.ViolatesSchema(always, NoFaults));
        Assert.True(injector.ViolatesSchema(always, NoFaults));
    }

    [Fact]
    public void Reset_ForgetsAttempts()
    {
        var injector = new FaultInjector();
        var messages = Messages("x [[TRUNCATE-ONCE]] [[BADJSON-ONCE]]");
        Assert.True(injector.ViolatesSchema(injector.Plan(NoFaults, messages, null), NoFaults));
        Assert.False(injector.Plan(NoFaults, messages, null).Truncate);

        injector.Reset();
        var plan = injector.Plan(NoFaults, messages, null);

        Assert.True(plan.Truncate);
        Assert.Equal(1, plan.Attempt);
        Assert.True(injector.ViolatesSchema(plan, NoFaults));
    }

    private static List<ChatMessageText> Messages(string user) => [new("system", "Classify the ticket."), new("user", user)];
}
