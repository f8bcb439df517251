using FunctionsBatch.Cli.Output;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Tests.Output;

public sealed class SummaryPrinterTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(3, true)]
    public void Print_TruncatedAnswers_AreShownOnlyWhenThereAreSome(int truncated, bool shown)
    {
        var status = new RunStatusDto(
            "run-1", "Completed", "Succeeded", null, "done", DateTime.UtcNow, DateTime.UtcNow,
            new RunProgressDto(10, 10, 10, 0, 0, 10, 0, 1, 1, truncated), new RunTokensDto(1_000, 0, 100), 150, 0.00015m, null);
        using var output = new StringWriter();

        SummaryPrinter.Print(output, status);

        var line = output.ToString().Split('\n').SingleOrDefault(l => l.StartsWith("Truncated", StringComparison.Ordinal));
        Assert.Equal(shown, line is not null);
        Assert.True(!shown || line!.Contains("3 answers cut off at maxOutputTokens", StringComparison.Ordinal));
    }
}
