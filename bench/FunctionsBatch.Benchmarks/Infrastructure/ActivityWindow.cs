namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>
/// When a contender talked to the simulator, read from the sampled counters: from the first request seen to the
/// moment the last answer was counted (each edge placed halfway between the two samples around it); and its
/// steady rate, the slope of charged tokens between the moments it had spent <see cref="SteadyFrom"/> and
/// <see cref="SteadyTo"/> of its total, which leaves out any opening burst (a full bucket) and the closing tail. A
/// contender done within the simulator's one-minute starting bucket never reached a steady state: none is reported.
/// </summary>
public sealed record ActivityWindow(double StartSeconds, double EndSeconds, double SteadyTokensPerSecond, double SteadySeconds)
{
    public const double SteadyFrom = 0.2;
    public const double SteadyTo = 0.9;

    /// <summary>The simulator's buckets start full with one minute of quota.</summary>
    public const double StartingBucketSeconds = 60;

    public double Seconds => Math.Max(0.001, EndSeconds - StartSeconds);

    public static ActivityWindow From(IReadOnlyList<StatsPoint> points, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(points);
        var final = points[^1].Stats;
        var first = IndexOf(points, p => p.Stats.Requests > 0);
        var last = IndexOf(points, p => p.Stats.Answered >= final.Answered && p.Stats.Requests >= final.Requests);
        if (first < 0 || last < 0)
        {
            return new ActivityWindow(0, 0, double.NaN, 0);
        }

        var start = first == 0 ? points[0].Seconds : (points[first - 1].Seconds + points[first].Seconds) / 2;
        var end = last == 0 ? points[0].Seconds : (points[last - 1].Seconds + points[last].Seconds) / 2;

        var total = (double)final.ChargedTokens(maxTokens);
        var from = TimeAt(points, total * SteadyFrom, maxTokens);
        var to = TimeAt(points, total * SteadyTo, maxTokens);
        if (double.IsNaN(from) || double.IsNaN(to) || to - from < 5 || end - start < StartingBucketSeconds)
        {
            return new ActivityWindow(start, end, double.NaN, 0);
        }

        return new ActivityWindow(start, end, total * (SteadyTo - SteadyFrom) / (to - from), to - from);
    }

    /// <summary>When the charged tokens reached <paramref name="tokens"/>, interpolated between samples.</summary>
    private static double TimeAt(IReadOnlyList<StatsPoint> points, double tokens, int maxTokens)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var before = points[i - 1].Stats.ChargedTokens(maxTokens);
            var after = points[i].Stats.ChargedTokens(maxTokens);
            if (after >= tokens && after > before)
            {
                var share = (tokens - before) / (after - before);
                return points[i - 1].Seconds + (Math.Clamp(share, 0, 1) * (points[i].Seconds - points[i - 1].Seconds));
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// Charged tokens in each <paramref name="period"/> from the window's start, as a share of <paramref name="perPeriod"/>
    /// (the quota's worth of one period): where a contender lost time, at the start, in steady state or in its tail.
    /// </summary>
    public IReadOnlyList<double> ChargedPerPeriod(IReadOnlyList<StatsPoint> points, int maxTokens, double period, double perPeriod)
    {
        ArgumentNullException.ThrowIfNull(points);
        var shares = new List<double>();
        for (var from = StartSeconds; from < EndSeconds; from += period)
        {
            shares.Add((ChargedBy(points, from + period, maxTokens) - ChargedBy(points, from, maxTokens)) / perPeriod);
        }

        return shares;
    }

    private static long ChargedBy(IReadOnlyList<StatsPoint> points, double seconds, int maxTokens)
    {
        var charged = 0L;
        foreach (var point in points)
        {
            if (point.Seconds > seconds)
            {
                break;
            }

            charged = point.Stats.ChargedTokens(maxTokens);
        }

        return charged;
    }

    private static int IndexOf(IReadOnlyList<StatsPoint> points, Func<StatsPoint, bool> match)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (match(points[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
