namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <param name="MachineBusySeconds">CPU seconds the whole machine had been busy when the sample was taken.</param>
public sealed record StackSample(ProcessSample Host, ProcessSample Simulator, ProcessSample Azurite, double MachineBusySeconds);
