using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Http.Api;

/// <summary>
/// Sums cost rows by one dimension: job, tenant, feature, model, promptVersion or mode. Mode and model are summed
/// over the per-model × mode rows (a run mixing online and batch splits between them), every other dimension over
/// the run totals; either way each token and micro-dollar is counted once. Runs stored before mode rows existed
/// count whole under their run row.
/// </summary>
public static class CostReport
{
    public static readonly IReadOnlyDictionary<string, Func<RunCostRow, string>> Dimensions =
        new Dictionary<string, Func<RunCostRow, string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["job"] = r => r.Job,
            ["tenant"] = r => r.Tenant,
            ["feature"] = r => r.Feature,
            ["model"] = r => r.Model,
            ["promptVersion"] = r => r.PromptVersion,
            ["mode"] = r => r.Mode,
        };

    private static readonly HashSet<string> PartDimensions = new(StringComparer.OrdinalIgnoreCase) { "mode", "model" };

    public static IReadOnlyList<CostGroup> GroupBy(IEnumerable<RunCostRow> rows, string dimension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var key = Dimensions[dimension];
        var all = rows.ToArray();
        var summed = PartDimensions.Contains(dimension) ? Parts(all) : all.Where(r => r.IsRunTotal);
        return summed
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.ToArray()))
            .OrderByDescending(g => g.CostMicros)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
    }

    private static CostGroup Group(string key, IReadOnlyCollection<RunCostRow> rows)
    {
        var sum = rows.Aggregate(RunCounters.None, (total, r) => total + r.Counters);
        return new CostGroup(
            key,
            rows.Select(r => r.RunId).Distinct(StringComparer.Ordinal).Count(),
            rows.Sum(r => r.TotalRecords),
            sum.Succeeded,
            sum.Failed,
            sum.LedgerHits,
            sum.Usage.PromptTokens,
            sum.Usage.CachedTokens,
            sum.Usage.CompletionTokens,
            sum.CostMicros,
            CostCalculator.ToDollars(sum.CostMicros),
            sum.ListCostMicros,
            rows.Sum(r => r.WasteTokens),
            sum.Requests,
            sum.Truncated);
    }

    /// <summary>Each run's model × mode rows, or its total row when it has none.</summary>
    private static IEnumerable<RunCostRow> Parts(IEnumerable<RunCostRow> rows) =>
        rows.GroupBy(r => r.RunId, StringComparer.Ordinal)
            .SelectMany(run => run.Any(r => !r.IsRunTotal) ? run.Where(r => !r.IsRunTotal) : run);
}
