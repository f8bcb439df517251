using NCrontab;

namespace FunctionsBatch.Core.Specs;

/// <summary>Six-field NCRONTAB (seconds first), as the Functions timer trigger reads it.</summary>
public static class NightlySchedule
{
    private static readonly CrontabSchedule.ParseOptions Options = new() { IncludingSeconds = true };

    public static CrontabSchedule? TryParse(string expression, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            problem = $"must be a 6-field NCRONTAB expression (second minute hour day month weekday), got {fields.Length} fields";
            return null;
        }

        var schedule = CrontabSchedule.TryParse(expression, Options);
        problem = schedule is null ? $"'{expression}' is not a valid NCRONTAB expression" : null;
        return schedule;
    }

    public static CrontabSchedule Parse(string expression) =>
        TryParse(expression, out var problem) ?? throw new FormatException(problem);
}
