namespace FunctionsBatch.Deployment.Tests;

/// <summary>What a finished child process left behind.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\nstderr:\n{StandardError}\nstdout:\n{StandardOutput}";
}
