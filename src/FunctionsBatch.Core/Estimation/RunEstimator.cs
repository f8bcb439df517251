using System.Text.Json;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Estimation;

public static class RunEstimator
{
    public static RunEstimate Estimate(JobSpec spec, IEnumerable<JsonElement> records, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(prices);
        var prompt = new ChatPrompt(spec.Prompt);
        // Batch is billed at the batch price; auto may end up either way, so its range spans both.
        var lowPrice = prices.For(spec.Model, spec.Mode is RunModes.Batch or RunModes.Auto ? RunModes.Batch : RunModes.Online);
        var highPrice = prices.For(spec.Model, spec.Mode == RunModes.Batch ? RunModes.Batch : RunModes.Online);
        long promptTokens = 0;
        var rendered = 0;
        var unrenderable = 0;
        foreach (var record in records)
        {
            var user = prompt.RenderUser(record);
            if (!user.Succeeded)
            {
                unrenderable++;
                continue;
            }

            rendered++;
            promptTokens += ChatTokenCounter.CountPromptTokens(prompt.Messages(user.Text!));
        }

        var maxOutput = (long)rendered * spec.MaxOutputTokens;
        return new RunEstimate(
            rendered + unrenderable,
            unrenderable,
            promptTokens,
            maxOutput,
            CostCalculator.MicroDollars(new TokenUsage(promptTokens, 0, 0), lowPrice),
            CostCalculator.MicroDollars(new TokenUsage(promptTokens, 0, maxOutput), highPrice),
            spec.Model,
            prices.AsOf);
    }
}
