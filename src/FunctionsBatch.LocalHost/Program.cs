using FunctionsBatch.LocalHost;

await LocalHostApplication.Build(args).RunAsync().ConfigureAwait(false);
