using Microsoft.Extensions.Configuration;

namespace FunctionsBatch.Azure;

/// <summary>
/// The Functions host's identity-based storage connection: <c>AzureWebJobsStorage__accountName</c> with
/// <c>__credential=managedidentity</c> and, for a user-assigned identity, <c>__clientId</c>.
/// </summary>
public sealed record StorageIdentity(string AccountName, string? ClientId)
{
    public static StorageIdentity? From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section["accountName"] is { Length: > 0 } account ? new StorageIdentity(account, section["clientId"]) : null;
    }
}
