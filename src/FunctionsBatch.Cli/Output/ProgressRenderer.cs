using System.Diagnostics;
using System.Text;
using FunctionsBatch.Cli.Http;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Output;

/// <summary>
/// Shows a run's progress on stderr: one line redrawn in place on a terminal, or a plain line every few
/// seconds (and on every phase change) when stderr goes to a log.
/// </summary>
public sealed class ProgressRenderer(TextWriter output, bool interactive, Func<int> terminalWidth)
{
    private const int BarWidth = 20;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RateMeter _rate = new(TimeSpan.FromSeconds(10));
    private TimeSpan? _lastPlainLineAt;
    private string? _lastState;
    private string _lastLine = string.Empty;
    private int _drawnWidth;

    public void Update(RunStatusDto status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = _clock.Elapsed;
        _rate.Add(now, status.Counts.Done);
        _lastLine = Describe(status);
        if (interactive)
        {
            Draw(_lastLine);
            return;
        }

        var state = $"{status.RuntimeStatus}/{status.Phase}";
        if (_lastPlainLineAt is null || now - _lastPlainLineAt >= PlainInterval || state != _lastState || status.IsFinished)
        {
            output.WriteLine($"[{Format.Clock(now)}] {_lastLine}");
            _lastPlainLineAt = now;
            _lastState = state;
        }
    }

    /// <summary>A passing problem (host restarting, timeout) while the caller keeps polling.</summary>
    public void Warn(string message)
    {
        if (interactive)
        {
            Draw(_lastLine.Length > 0 ? $"{_lastLine} | {message}" : message);
            return;
        }

        var now = _clock.Elapsed;
        if (_lastPlainLineAt is null || now - _lastPlainLineAt >= PlainInterval)
        {
            output.WriteLine($"[{Format.Clock(now)}] {message}");
            _lastPlainLineAt = now;
        }
    }

    /// <summary>Ends the redrawn line so later output starts on a fresh one.</summary>
    public void Finish()
    {
        if (interactive && _drawnWidth > 0)
        {
            output.WriteLine();
            _drawnWidth = 0;
        }
    }

    private string Describe(RunStatusDto status)
    {
        var counts = status.Counts;
        var total = counts.TotalRecords;
        var fraction = total > 0 ? Math.Clamp((double)counts.Done / total, 0, 1) : 0;
        var filled = (int)Math.Round(fraction * BarWidth);
        var rate = _rate.PerSecond;
        var text = new StringBuilder()
            .Append('[').Append('#', filled).Append('-', BarWidth - filled).Append("] ")
            .Append(Format.Count(counts.Done)).Append('/').Append(total > 0 ? Format.Count(total) : "?")
            .Append(' ').Append(total > 0 ? $"{(int)(fraction * 100)}%" : "--%")
            .Append(" | ").Append(rate is { } r ? Format.Rate(r) : "--").Append(" rec/s")
            .Append(" | 429s ").Append(Format.Count(counts.Throttled))
            .Append(" | ").Append(Format.Usd(status.CostUsd, 4))
            .Append(" | ETA ").Append(total > 0 ? Eta(total - counts.Done, rate) : "--:--")
            .Append(" | ").Append(status.IsFinished ? status.RuntimeStatus : status.Phase ?? status.RuntimeStatus);
        return text.ToString();
    }

    private static string Eta(int remaining, double? rate) =>
        remaining <= 0 ? Format.Clock(TimeSpan.Zero)
        : rate is > 0 ? Format.Clock(TimeSpan.FromSeconds(Math.Min(remaining / rate.Value, TimeSpan.FromDays(1).TotalSeconds)))
        : "--:--";

    private void Draw(string line)
    {
        // A line that wraps cannot be redrawn with '\r', so it is cut to the terminal's width.
        var width = Math.Max(20, terminalWidth() - 1);
        if (line.Length > width)
        {
            line = line[..width];
        }

        output.Write('\r' + line + new string(' ', Math.Max(0, _drawnWidth - line.Length)));
        output.Flush();
        _drawnWidth = line.Length;
    }
}
