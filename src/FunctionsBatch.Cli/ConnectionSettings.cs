namespace FunctionsBatch.Cli;

/// <summary>Where the API is and which function key to send. <see cref="KeySource"/> names the key's origin, never its value.</summary>
public sealed record ConnectionSettings(Uri Host, string? Key, string KeySource)
{
    public const string DefaultHost = "http://127.0.0.1:7071";
    public const string LocalHostKeyFile = ".run/localhost.key";

    public static ConnectionSettings Resolve(CommandLineOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var host = ParseBaseUrl(options.Host ?? NonEmpty(environment("FBATCH_HOST")) ?? DefaultHost, "host");
        if (options.Key is { } key)
        {
            return new ConnectionSettings(host, key, "--key");
        }

        if (options.KeyFile is { } keyFile)
        {
            return new ConnectionSettings(host, ReadKeyFile(keyFile), keyFile);
        }

        if (NonEmpty(environment("FBATCH_KEY")) is { } fromEnvironment)
        {
            return new ConnectionSettings(host, fromEnvironment, "FBATCH_KEY");
        }

        // Only a loopback host gets the local host's key, so it never travels to a deployed app.
        return host.IsLoopback && File.Exists(LocalHostKeyFile)
            ? new ConnectionSettings(host, ReadKeyFile(LocalHostKeyFile), LocalHostKeyFile)
            : new ConnectionSettings(host, null, "none");
    }

    /// <summary>An absolute http(s) URL whose path ends in '/', so relative API paths resolve under it.</summary>
    public static Uri ParseBaseUrl(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"the {what} URL must be an absolute http or https URL, not '{text}'");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string ReadKeyFile(string path)
    {
        string key;
        try
        {
            key = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the key file '{path}': {ex.Message}");
        }

        return key.Length > 0 ? key : throw new CliException($"the key file '{path}' is empty");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
