namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>What /proc says about one process: CPU seconds used so far, and peak and current resident set.</summary>
public sealed record ProcessSample(double CpuSeconds, long PeakRssBytes, long RssBytes)
{
    public static ProcessSample None { get; } = new(0, 0, 0);

    public static ProcessSample Of(ServiceProcess service) => service.HasExited ? None : Read(service.Pid);

    /// <summary>Reads /proc/{pid}/stat and /proc/{pid}/status; <see cref="None"/> when the process is gone or not on Linux.</summary>
    public static ProcessSample Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name: state is [0], utime [11], stime [12] (clock ticks).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                        + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            long peak = 0;
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
            }

            return new ProcessSample(ticks / (double)ClockTicksPerSecond, peak, rss);
        }
        catch (IOException)
        {
            return None;
        }
        catch (UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// <summary>USER_HZ: 100 on every mainstream Linux build.</summary>
    private const int ClockTicksPerSecond = 100;

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
