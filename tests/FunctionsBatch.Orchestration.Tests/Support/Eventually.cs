namespace FunctionsBatch.Orchestration.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls until the condition holds, or fails with the description after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string description, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {description}");
            }

            await Task.Delay(10);
        }
    }
}
