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
}
