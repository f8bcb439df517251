using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Specs;

public sealed class NightlyScheduleTests
{
    [Theory]
    [InlineData("0 0 2 * * *", "2026-11-27T10:00:00", "2026-11-28T02:00:00")]
    [InlineData("0 30 1 * * 1-5", "2026-11-27T10:00:00", "2026-11-30T01:30:00")]
    [InlineData("0 */5 * * * *", "2026-11-27T10:01:00", "2026-11-27T10:05:00")]
    [InlineData("  0  0 2 * * *  ", "2026-11-27T01:00:00", "2026-11-27T02:00:00")]
    public void TryParse_SixFields_GivesTheNextOccurrence(string expression, string from, string next)
    {
        var schedule = NightlySchedule.TryParse(expression, out var problem);

        Assert.Null(problem);
        Assert.Equal(DateTime.Parse(next, System.Globalization.CultureInfo.InvariantCulture), schedule!.GetNextOccurrence(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0 2 * * *", "must be a 6-field NCRONTAB expression (second minute hour day month weekday), got 5 fields")]
    [InlineData("nightly", "must be a 6-field NCRONTAB expression (second minute hour day month weekday), got 1 fields")]
    [InlineData("0 0 0 2 * * *", "must be a 6-field NCRONTAB expression (second minute hour day month weekday), got 7 fields")]
    [InlineData("0 0 25 * * *", "'0 0 25 * * *' is not a valid NCRONTAB expression")]
    [InlineData("a b c d e f", "'a b c d e f' is not a valid NCRONTAB expression")]
    public void TryParse_NotSixValidFields_ReportsWhy(string expression, string message)
    {
        var schedule = NightlySchedule.TryParse(expression, out var problem);

        Assert.Null(schedule);
        Assert.Equal(message, problem);
        Assert.Equal(message, Assert.Throws<FormatException>(() => NightlySchedule.Parse(expression)).Message);
    }
}
