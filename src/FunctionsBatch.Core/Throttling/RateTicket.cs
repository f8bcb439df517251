namespace FunctionsBatch.Core.Throttling;

/// <summary>One call's place in line, handed back with its answer so the controller can tell what was sent after it.</summary>
/// <param name="Sequence">Admission order.</param>
/// <param name="Tokens">What the call is charged against TPM (prompt tokens + <c>max_tokens</c>).</param>
/// <param name="TokensThrough">Where its place in the token line ends (see <see cref="AdaptiveRate.WaitFor"/>).</param>
/// <param name="RequestsThrough">Where its place in the request line ends.</param>
/// <param name="TokensBefore">Tokens sent before this call, all calls together; set when it is sent.</param>
/// <param name="RequestsBefore">Calls sent before this one; set when it is sent.</param>
/// <param name="SentAt">When it was sent; set when it is sent.</param>
/// <param name="IsSent">Whether it was sent (see <see cref="DeploymentRateController.Sending"/>).</param>
public readonly record struct RateTicket(
    long Sequence, int Tokens, double TokensThrough, double RequestsThrough, double TokensBefore, double RequestsBefore, TimeSpan SentAt = default, bool IsSent = false);
