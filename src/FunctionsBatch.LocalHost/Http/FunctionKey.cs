using System.Security.Cryptography;
using System.Text;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>The function key, held as a hash and compared in constant time.</summary>
public sealed class FunctionKey
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] hash;

    public FunctionKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        hash = Hash(value);
    }

    /// <summary>Hashing first makes the comparison constant-time in the key's length too.</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(hash, Hash(candidate));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
