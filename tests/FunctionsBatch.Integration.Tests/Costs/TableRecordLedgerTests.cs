using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Integration.Tests.Costs;

/// <summary>The ledger on Azurite answers a whole chunk's keys in one call.</summary>
public sealed class TableRecordLedgerTests : IAsyncLifetime
{
    private LocalStack _stack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(nameof(TableRecordLedgerTests));
        _services = _stack.AppServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task FindManyAsync_FortyKeysThirtyKnown_ReturnsExactlyTheKnownOnesOfThatJob()
    {
        var ledger = new TableRecordLedger(_services.GetRequiredService<StorageClients>());
        var keys = Enumerable.Range(0, 40).Select(i => $"{i:x64}").ToArray();
        var known = keys.Take(30).Select((k, i) => new LedgerEntry(k, $"{{\"answer\":{i}}}", new TokenUsage(100 + i, 0, 10), "run-1", $"r{i}")).ToArray();
        await ledger.SaveAsync("classify", known, CancellationToken.None);
        await ledger.SaveAsync("other-job", [new LedgerEntry(keys[35], "{}", TokenUsage.Zero, "run-2", "r35")], CancellationToken.None);

        var found = await ledger.FindManyAsync("classify", keys.Reverse().ToArray(), CancellationToken.None);

        Assert.Equal(known.Select(e => e.ContentKey).Order(), found.Keys.Order());
        Assert.All(known, e => Assert.Equal(e, found[e.ContentKey]));
        Assert.Empty(await ledger.FindManyAsync("classify", [], CancellationToken.None));
    }
}
