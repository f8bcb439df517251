using System.Globalization;
using System.Text;

namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>The duration format of OpenAI's <c>x-ratelimit-reset-*</c> headers: <c>6m0s</c>, <c>1.5s</c>, <c>20ms</c>.</summary>
public static class ResetDuration
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (long)Math.Ceiling(value.TotalMilliseconds))}ms");
        }

        var text = new StringBuilder();
        var minutes = (long)value.TotalMinutes;
        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        var seconds = Math.Round(value.TotalSeconds - (minutes * 60), 3);
        text.Append(CultureInfo.InvariantCulture, $"{seconds:0.###}s");
        return text.ToString();
    }
}
