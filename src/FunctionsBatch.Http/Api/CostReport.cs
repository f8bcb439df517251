using FunctionsBatch.Core.Pricing;
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
            .Select(g => new CostGroup(
                g.Key,
                g.Select(r => r.RunId).Distinct(StringComparer.Ordinal).Count(),
                g.Sum(r => r.TotalRecords),
                g.Sum(r => r.Succeeded),
                g.Sum(r => r.Failed),
                g.Sum(r => r.LedgerHits),
                g.Sum(r => r.InputTokens),
                g.Sum(r => r.CachedInputTokens),
                g.Sum(r => r.OutputTokens),
                g.Sum(r => r.CostMicros),
                CostCalculator.ToDollars(g.Sum(r => r.CostMicros)),
                g.Sum(r => r.ListCostMicros),
                g.Sum(r => r.WasteTokens),
                g.Sum(r => r.Requests)))
            .OrderByDescending(g => g.CostMicros)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Each run's model × mode rows, or its total row when it has none.</summary>
    private static IEnumerable<RunCostRow> Parts(IEnumerable<RunCostRow> rows) =>
        rows.GroupBy(r => r.RunId, StringComparer.Ordinal)
            .SelectMany(run => run.Any(r => !r.IsRunTotal) ? run.Where(r => !r.IsRunTotal) : run);
}
