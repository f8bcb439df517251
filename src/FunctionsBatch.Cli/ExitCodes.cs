using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Cli;

public static class ExitCodes
{
    public const int Succeeded = 0;
    public const int Error = 1;
    public const int CompletedWithFailures = 2;

    public static int ForOutcome(string? outcome) => outcome switch
    {
        nameof(RunOutcome.Succeeded) => Succeeded,
        nameof(RunOutcome.CompletedWithFailures) => CompletedWithFailures,
        _ => Error,
    };
}
