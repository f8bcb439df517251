using FunctionsBatch.Core.Pricing;

namespace FunctionsBatch.Orchestration.Api;

/// <summary>Sums cost rows by one dimension: job, tenant, feature, model, promptVersion or mode.</summary>
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

    public static IReadOnlyList<CostGroup> GroupBy(IEnumerable<RunCostRow> rows, string dimension)
    {
        var key = Dimensions[dimension];
        return rows
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => new CostGroup(
                g.Key,
                g.Count(),
                g.Sum(r => r.TotalRecords),
                g.Sum(r => r.Succeeded),
                g.Sum(r => r.Failed),
                g.Sum(r => r.LedgerHits),
                g.Sum(r => r.InputTokens),
                g.Sum(r => r.CachedInputTokens),
                g.Sum(r => r.OutputTokens),
                g.Sum(r => r.CostMicros),
                CostCalculator.ToDollars(g.Sum(r => r.CostMicros))))
            .OrderByDescending(g => g.CostMicros)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
    }
}
