namespace FunctionsBatch.Core.Throttling;

/// <summary>One admitted call, handed back with its answer so the controller can tell what was sent after it.</summary>
/// <param name="Sequence">Admission order.</param>
/// <param name="Tokens">What the call is charged against TPM (prompt tokens + <c>max_tokens</c>).</param>
/// <param name="TokensBefore">Tokens admitted before this call, all calls together.</param>
/// <param name="RequestsBefore">Calls admitted before this one.</param>
public readonly record struct RateTicket(long Sequence, int Tokens, double TokensBefore, double RequestsBefore);
