using System.Text.RegularExpressions;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>One line of Bicep's default diagnostics format: <c>file(line,col) : Level code: message</c>.</summary>
internal sealed partial record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public bool IsWarningOrError => Level is "Warning" or "Error";

    public override string ToString() => $"{File}({Line},{Column}) : {Level} {Code}: {Message}";

    public static IReadOnlyList<BicepDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(line => DiagnosticLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new BicepDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["level"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value))
            .ToList();

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\) : (?<level>Error|Warning|Info|Off) (?<code>[^:]+): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
