namespace FunctionsBatch.LocalHost.Http;

/// <summary>Settings of the local host itself (section <c>LocalHost</c>, e.g. <c>LocalHost__FunctionKey</c>).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The key every <c>/api</c> and <c>/admin</c> call must send; when empty, one is generated into <see cref="KeyFileRelativePath"/>.</summary>
    public string? FunctionKey { get; set; }

    public const string KeyFileRelativePath = ".run/localhost.key";
}
