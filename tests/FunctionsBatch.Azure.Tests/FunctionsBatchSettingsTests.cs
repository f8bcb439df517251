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
}
