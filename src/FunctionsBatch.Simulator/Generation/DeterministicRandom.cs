using System.Buffers.Binary;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>
/// A SplitMix64 stream seeded from the SHA-256 of the request's messages, so the same messages give the
/// same choices in every process and on every machine (unlike <see cref="string.GetHashCode()"/>).
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    public static DeterministicRandom FromMessages(IEnumerable<ChatMessageText> messages) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(MessageDigest.Compute(messages)));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="count"/>).</summary>
    public int NextIndex(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(NextUInt64() % (ulong)count);
    }

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public long NextInt64(long min, long max)
    {
        if (max <= min)
        {
            return min;
        }

        var range = (ulong)(max - min) + 1;
        return range == 0 ? (long)NextUInt64() : min + (long)(NextUInt64() % range);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
