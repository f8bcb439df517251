using System.Security.Cryptography;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>
/// Takes <c>LocalHost:FunctionKey</c> when set; otherwise reuses or creates a random key in
/// <c>.run/localhost.key</c> under the content root, so restarts and sibling processes share one key.
/// </summary>
public static partial class FunctionKeyLoader
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static FunctionKey Load(LocalHostOptions options, string contentRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.FunctionKey))
        {
            LogConfiguredKey(logger);
            return new FunctionKey(options.FunctionKey.Trim());
        }

        var path = Path.GetFullPath(LocalHostOptions.KeyFileRelativePath, contentRoot);
        var key = ReadExisting(path) ?? CreateOrRead(path);
        LogKeyFile(logger, path);
        return new FunctionKey(key);
    }

    private static string CreateOrRead(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Base64UrlKey();
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = OwnerOnly;
            }

            using var writer = new StreamWriter(path, file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: wait for its content rather than overwrite it.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (ReadExisting(path) is { } existing)
                {
                    return existing;
                }

                Thread.Sleep(20);
            }

            throw;
        }
    }

    private static string? ReadExisting(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static string Base64UrlKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Function key taken from setting LocalHost:FunctionKey")]
    private static partial void LogConfiguredKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function key file: {KeyPath} (send it as the x-functions-key header or ?code=)")]
    private static partial void LogKeyFile(ILogger logger, string keyPath);
}
