using System.Globalization;

namespace FunctionsBatch.Cli.Output;

/// <summary>Culture-independent number, money and duration text.</summary>
public static class Format
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Usd(decimal dollars, int decimals) =>
        "$" + dollars.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary><c>0:25</c>, <c>12:03</c>, <c>1:02:03</c>; with tenths <c>0:25.4</c>.</summary>
    public static string Clock(TimeSpan span, bool tenths = false)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (tenths)
        {
            span = TimeSpan.FromMilliseconds(Math.Round(span.TotalMilliseconds / 100) * 100);
        }

        var seconds = tenths
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Seconds:00}.{span.Milliseconds / 100}")
            : span.Seconds.ToString("00", CultureInfo.InvariantCulture);
        var hours = (int)span.TotalHours;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{span.Minutes:00}:{seconds}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{seconds}");
    }
}
