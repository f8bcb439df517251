using System.Globalization;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>CPU seconds the whole machine has been busy (all cores, from the first line of /proc/stat).</summary>
public static class SystemCpu
{
    public static double BusySeconds()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal ...: busy is everything but idle and iowait; guest time is already in user.
            var busy = ticks.Take(8).Sum() - ticks[3] - ticks[4];
            return busy / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
