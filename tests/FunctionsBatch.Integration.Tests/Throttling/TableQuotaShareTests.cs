using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsBatch.Integration.Tests.Throttling;

/// <summary>Processes that call one deployment split its quota through <c>QuotaClaims</c> rows on Azurite.</summary>
public sealed class TableQuotaShareTests : IAsyncLifetime
{
    private LocalStack _stack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(nameof(TableQuotaShareTests));
        _services = _stack.AppServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task RefreshAsync_TwoProcessesThenOneFallsSilent_SplitTheQuotaThenTheOtherTakesItAll()
    {
        var storage = _services.GetRequiredService<StorageClients>();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var first = new TableQuotaShare(storage, clock, NullLogger<TableQuotaShare>.Instance);
        var second = new TableQuotaShare(storage, clock, NullLogger<TableQuotaShare>.Instance);

        Assert.Equal(1, await first.RefreshAsync("gpt-4o-mini"));
        Assert.Equal(0.5, await second.RefreshAsync("gpt-4o-mini"));
        Assert.Equal(0.5, await first.RefreshAsync("gpt-4o-mini"));
        // Another deployment is claimed on its own.
        Assert.Equal(1, await second.RefreshAsync("gpt-4o"));

        clock.Advance(TableQuotaShare.ClaimLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await first.RefreshAsync("gpt-4o-mini"));
    }

    [Fact]
    public async Task RefreshAsync_ModelNameOfAnOpenAICompatibleServer_ClaimsAShare()
    {
        var storage = _services.GetRequiredService<StorageClients>();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var first = new TableQuotaShare(storage, clock, NullLogger<TableQuotaShare>.Instance);
        var second = new TableQuotaShare(storage, clock, NullLogger<TableQuotaShare>.Instance);

        await first.RefreshAsync("meta-llama/Llama-3.1-8B-Instruct");

        Assert.Equal(0.5, await second.RefreshAsync("meta-llama/Llama-3.1-8B-Instruct"));
    }
}
