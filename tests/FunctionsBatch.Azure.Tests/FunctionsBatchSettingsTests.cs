using FunctionsBatch.Azure.Storage;
using Microsoft.Extensions.Configuration;

namespace FunctionsBatch.Azure.Tests;

public sealed class FunctionsBatchSettingsTests
{
    [Fact]
    public void From_IdentityBasedStorage_UsesTheAccountEndpointsWithoutKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "stfbatch",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        var settings = FunctionsBatchSettings.From(configuration, AppContext.BaseDirectory);
        var clients = StorageClients.WithIdentity(settings.StorageIdentity!);

        Assert.Equal(new StorageIdentity("stfbatch", "00000000-0000-0000-0000-000000000001"), settings.StorageIdentity);
        Assert.Equal(new Uri("https://stfbatch.blob.core.windows.net/"), clients.Blobs.Uri);
        Assert.Equal("stfbatch", clients.Tables.AccountName);
    }

    [Fact]
    public void From_ConnectionString_HasNoIdentityAndKeepsTheConnectionString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FunctionsBatch:Prices:my-deployment:InputPerMillion"] = "1.5",
            ["FunctionsBatch:Prices:my-deployment:OutputPerMillion"] = "6",
        }).Build();

        var settings = FunctionsBatchSettings.From(configuration, AppContext.BaseDirectory);

        Assert.Null(settings.StorageIdentity);
        Assert.Equal("UseDevelopmentStorage=true", settings.StorageConnectionString);
        Assert.Equal(new Core.Pricing.ModelPrice(1.5m, 1.5m, 6m), settings.Prices.For("my-deployment"));
        Assert.True(settings.Prices.Knows("gpt-4o-mini"));
    }

    [Fact]
    public void From_BatchPricesAndQuota_ReadsDiscountAsOfExplicitBatchPricesAndEnqueuedTokens()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FunctionsBatch:Prices:AsOf"] = "2026-12-01",
            ["FunctionsBatch:Prices:BatchDiscount"] = "0.4",
            ["FunctionsBatch:Prices:gpt-4o:BatchInputPerMillion"] = "1.1",
            ["FunctionsBatch:Prices:gpt-4o:BatchOutputPerMillion"] = "4.4",
            ["AzureOpenAI:Deployments:gpt-4o-mini-batch:EnqueuedTokens"] = "5000000",
            ["AzureOpenAI:BatchApiVersion"] = "2025-04-01-preview",
        }).Build();

        var settings = FunctionsBatchSettings.From(configuration, AppContext.BaseDirectory);

        Assert.Equal((new DateOnly(2026, 12, 1), 0.4m), (settings.Prices.AsOf, settings.Prices.BatchDiscount));
        Assert.Equal(new Core.Pricing.ModelPrice(1.1m, 1.1m, 4.4m), settings.Prices.For("gpt-4o", "batch"));
        Assert.Equal(new Core.Pricing.ModelPrice(2.50m, 1.25m, 10.00m), settings.Prices.For("gpt-4o"));
        Assert.Equal(new Core.Pricing.ModelPrice(0.06m, 0.03m, 0.24m), settings.Prices.For("gpt-4o-mini", "batch"));
        Assert.Equal(5_000_000, settings.OpenAI.Deployments["gpt-4o-mini-batch"].EnqueuedTokens);
        Assert.Equal("2025-04-01-preview", settings.OpenAI.BatchApiVersion);
    }
}
