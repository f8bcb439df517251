using FunctionsBatch.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops politely; a second one ends the process.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    // Each call sets its own deadline: short for queries, long for a big upload.
    Timeout = Timeout.InfiniteTimeSpan,
};
http.DefaultRequestHeaders.UserAgent.ParseAdd("fbatch/1.0");

var app = new CliApp(http, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, TerminalWidth, Environment.GetEnvironmentVariable);
return await app.RunAsync(args, cancel.Token);

static int TerminalWidth()
{
    try
    {
        return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
    }
    catch (IOException)
    {
        return 120;
    }
}
