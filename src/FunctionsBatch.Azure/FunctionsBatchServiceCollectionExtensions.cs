using FunctionsBatch.Azure.Intake;
using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Http.Reports;
using FunctionsBatch.Orchestration;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Azure;

/// <summary>
/// Registers everything both hosts share. Each host adds its own <see cref="IRunClient"/> and so its own
/// <see cref="RunsApi"/>: one for the process on the local host, one per invocation in the Functions app.
/// </summary>
public static class FunctionsBatchServiceCollectionExtensions
{
    public static IServiceCollection AddFunctionsBatch(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = FunctionsBatchSettings.From(configuration, contentRoot);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Prices);
        services.AddSingleton(settings.Api);
        services.AddSingleton(settings.Models);
        services.AddSingleton(_ => JobCatalog.Load(settings.JobsPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => settings.StorageIdentity is { } identity
            ? StorageClients.WithIdentity(identity)
            : new StorageClients(settings.StorageConnectionString));
        services.AddSingleton(settings.Intake);
        services.AddSingleton<QueueIntake>();
        services.AddSingleton<RunSourceReader>();
        services.AddSingleton<IRunStaging, BlobRunStaging>();
        services.AddSingleton<IRunResultStore, TableRunResultStore>();
        services.AddSingleton<IRunCostStore, TableRunCostStore>();
        services.AddSingleton<IRunExporter, BlobRunExporter>();
        services.AddSingleton<IRecordLedger, TableRecordLedger>();
        services.AddSingleton<IRunReportStore, TableRunReportStore>();
        services.AddSingleton(settings.OpenAI.Quotas());
        services.AddSingleton<RunReportService>();
        services.AddSingleton<IQuotaShare, TableQuotaShare>();
        services.AddSingleton<IChatModelClient>(sp => new TracingChatModelClient(
            ChatModelClientFactory.Create(settings.OpenAI, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IQuotaShare>())));
        services.AddSingleton(settings.ChunkTimeLimit);
        services.AddSingleton<IChunkProcessor, ChunkProcessor>();
        services.AddSingleton<IBatchModelClient>(_ => BatchModelClientFactory.Create(settings.OpenAI));
        services.AddSingleton<IBatchStaging, BlobBatchStaging>();
        services.AddSingleton<IEnqueuedTokenLedger, TableEnqueuedTokenLedger>();
        services.AddSingleton(new EnqueuedTokenQuotas(settings.OpenAI.Deployments
            .ToDictionary(d => d.Key, d => d.Value.EnqueuedTokens, StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton<IBatchProcessor, BatchProcessor>();
        foreach (var activity in FunctionsBatchTasks.Activities)
        {
            services.AddTransient(activity);
        }

        return services;
    }
}
