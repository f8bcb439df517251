using System.Security.Cryptography;
using System.Text;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator.Chat;

/// <summary>The SHA-256 of a request's messages (role and content, in order): the identity of a request's content.</summary>
public static class MessageDigest
{
    public static byte[] Compute(IEnumerable<ChatMessageText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var canonical = new StringBuilder();
        foreach (var message in messages)
        {
            canonical.Append(message.Role).Append('\u001f').Append(message.Content).Append('\u001e');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
    }

    /// <summary>A short hex key for dictionaries: the first 16 bytes of the digest.</summary>
    public static string Key(ReadOnlySpan<byte> digest) => Convert.ToHexString(digest[..16]);

    public static string KeyOfText(string text) => Key(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
