using System.Reflection;
using FunctionsBatch.Functions.Tests.Fakes;
using FunctionsBatch.Http.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Functions.Tests;

/// <summary>The container as the worker builds it: validated on build in Development, function classes activated from it.</summary>
public sealed class ServiceRegistrationTests
{
    public static TheoryData<Type> FunctionClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(RunsApiFactory).Assembly.GetTypes()
                     .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null) && !t.IsAbstract))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void AddFunctionsApp_BuiltWithValidation_Succeeds()
    {
        using var provider = BuildProvider();

        Assert.NotNull(provider.GetRequiredService<RunsApiFactory>());
        Assert.Null(provider.GetService<RunsApi>());
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void FunctionClass_ActivatedLikeTheWorker_GetsItsDependencies(Type functionClass)
    {
        using var provider = BuildProvider();

        Assert.NotNull(ActivatorUtilities.CreateInstance(provider, functionClass));
    }

    [Fact]
    public async Task RunsApiFactory_Create_UsesTheGivenClient()
    {
        using var provider = BuildProvider();
        var client = new RecordingRunClient();
        var fireTime = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

        var started = await provider.GetRequiredService<RunsApiFactory>().Create(client).StartScheduledAsync(fireTime, CancellationToken.None);

        Assert.Equal(started, client.Started.Select(s => s.RunId));
        Assert.Contains(RunsApi.NightlyRunId("classify-tickets", fireTime), started);
    }

    private static ServiceProvider BuildProvider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["AzureOpenAI:Endpoint"] = "http://127.0.0.1:5080",
                ["AzureOpenAI:ApiKey"] = "sim-key",
                ["FunctionsBatch:JobsPath"] = "jobs",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFunctionsApp(configuration, AppContext.BaseDirectory);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
