using FunctionsBatch.Core.Throttling;
using Xunit.Abstractions;

namespace FunctionsBatch.Core.Tests.Throttling;

/// <summary>
/// The controller against a deployment limited like Azure's (10 s sliding window), in virtual time: 256 callers,
/// 200 ms latency, 1.2M TPM, 700 tokens a call. What the quota benchmark measures end to end, here in a second.
/// </summary>
public sealed class DeploymentRateControllerWindowTests(ITestOutputHelper output)
{
    private const long TokensPerMinute = 1_200_000;
    private const int TokensPerCall = 700;
    private static readonly TimeSpan Start = TimeSpan.FromHours(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SteadyAfter = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false, 0.98, 0.005)]
    [InlineData(true, 0.98, 0.005)]
    public void Run_AzureWindow_SpendsTheQuotaWithFew429s(bool quotaConfigured, double minimumUse, double maximum429Share)
    {
        var quota = quotaConfigured ? new DeploymentQuota((int)TokensPerMinute, 0) : DeploymentQuota.Unknown;
        var controller = new DeploymentRateController(quota, RateControlOptions.Default, Start);
        var deployment = new WindowedDeployment(TokensPerMinute, TimeSpan.FromSeconds(10));
        var callers = new PacedCallers(controller, deployment, 256, TokensPerCall, TimeSpan.FromMilliseconds(200));

        callers.Run(Start, Duration, SteadyAfter);

        var use = callers.SteadyTokens / ((Duration - SteadyAfter).TotalMinutes * TokensPerMinute);
        var refused = deployment.Refused / (double)deployment.Requests;
        output.WriteLine($"steady use {use:P1}, 429s {deployment.Refused}/{deployment.Requests} = {refused:P2}, rate {controller.Tokens.PerSecond * 60:N0}/min, cuts {controller.Cuts}");
        Assert.InRange(use, minimumUse, 1.0);
        Assert.InRange(refused, 0, maximum429Share);
    }

    /// <summary>
    /// A short run with the quota configured, against the script that bursts and pauses on every 429. Issue 10's target
    /// is no slower; today the controller is within 5 % of it (it paces the last window, the script sends it at once).
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Finish_QuotaConfigured_WithinFivePercentOfTheScriptThatBurstsAndPausesOn429(int arrivalJitterMs)
    {
        const int Calls = 5_000;
        var controller = new DeploymentRateController(new DeploymentQuota((int)TokensPerMinute, 0), RateControlOptions.Default, Start);
        var paced = new WindowedDeployment(TokensPerMinute, TimeSpan.FromSeconds(10));
        var pipeline = new PacedCallers(controller, paced, 256, TokensPerCall, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(arrivalJitterMs)).Finish(Start, Calls) - Start;
        var bursting = new WindowedDeployment(TokensPerMinute, TimeSpan.FromSeconds(10));
        var script = new BurstCallers(bursting, 256, TokensPerCall, TimeSpan.FromMilliseconds(200)).Finish(Start, Calls) - Start;

        output.WriteLine($"pipeline {pipeline.TotalSeconds:0.0} s with {paced.Refused} 429s, {controller.Cuts} cuts; script {script.TotalSeconds:0.0} s with {bursting.Refused} 429s");
        Assert.InRange(pipeline.TotalSeconds / script.TotalSeconds, 0, 1.05);
        Assert.InRange(paced.Refused, 0, Calls / 100);
    }
}
