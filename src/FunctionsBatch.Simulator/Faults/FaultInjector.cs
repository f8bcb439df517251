using System.Buffers.Binary;
using System.Collections.Concurrent;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Generation;

namespace FunctionsBatch.Simulator.Faults;

/// <summary>
/// Decides which fault, if any, a request gets. Every decision is a function of the request's content (its
/// messages), the attempt number of that content and the policy, never of timing or arrival order, so a test
/// can plant faults in chosen records and predict rated ones (<see cref="Roll(IEnumerable{ChatMessageText}, int)"/>).
/// </summary>
/// <remarks>
/// Attempts are counted per content only while the policy has a rate or the content carries a -ONCE marker,
/// so a fault-free run keeps no memory; <see cref="Reset"/> forgets every count.
/// Rated kinds are disjoint bands of one roll in [0, 1): throttle, server_error, reset, slow, truncated,
/// schema_violation, in that order. By default a content whose roll falls in a band fails its first
/// <see cref="FaultPolicy.FailFirstAttempts"/> attempts and then succeeds; with
/// <see cref="FaultPolicy.RatePerAttempt"/> every attempt rolls afresh.
/// </remarks>
public sealed class FaultInjector
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _schemaViolations = new(StringComparer.Ordinal);

    /// <summary>The roll of a content's attempt; attempt 0 is the roll that chooses contents for transient faults.</summary>
    public static double Roll(IEnumerable<ChatMessageText> messages, int attempt) => Roll(MessageDigest.Compute(messages), attempt);

    /// <param name="forced">The faults named in the x-sim-fault header, or null to apply markers and the policy.</param>
    public FaultPlan Plan(FaultPolicy policy, IReadOnlyList<ChatMessageText> messages, IReadOnlyList<ForcedFault>? forced)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(messages);
        var digest = MessageDigest.Compute(messages);
        var counted = policy.HasRates || policy.TransientMarkers.Any(m => Contains(messages, m));
        var attempt = counted ? _attempts.AddOrUpdate(MessageDigest.Key(digest), 1, static (_, n) => n + 1) : 0;
        if (forced is not null)
        {
            return FromHeader(policy, forced, digest, attempt);
        }

        var transient = attempt >= 1 && attempt <= policy.FailFirstAttempts;
        var slow = transient && Contains(messages, policy.SlowOnceMarker);
        var throttle = policy.ThrottleAll || (transient && Contains(messages, policy.ThrottleOnceMarker));
        var serverError = transient && Contains(messages, policy.ServerErrorOnceMarker);
        var reset = transient && Contains(messages, policy.ResetOnceMarker);
        var truncate = transient && Contains(messages, policy.TruncatedOnceMarker);
        var noChoices = transient && Contains(messages, policy.NoChoicesOnceMarker);
        var violate = Contains(messages, policy.SchemaViolationMarker);
        double? roll = !policy.HasRates ? null : policy.RatePerAttempt ? Roll(digest, attempt) : transient ? Roll(digest, 0) : null;
        switch (roll is { } r ? Band(policy, r) : null)
        {
            case FaultKind.Throttle:
                throttle = true;
                break;
            case FaultKind.ServerError:
                serverError = true;
                break;
            case FaultKind.Reset:
                reset = true;
                break;
            case FaultKind.Slow:
                slow = true;
                break;
            case FaultKind.Truncated:
                truncate = true;
                break;
            case FaultKind.SchemaViolation:
                violate = true;
                break;
        }

        return new FaultPlan
        {
            Attempt = attempt,
            SlowMs = slow ? policy.SlowMs : null,
            ThrottleRetryAfterMs = throttle ? policy.RetryAfterMs : null,
            ServerErrorStatus = serverError ? ServerErrorStatus(policy, digest, attempt) : null,
            Reset = reset,
            Truncate = truncate,
            NoChoices = noChoices,
            ContentFilter = Contains(messages, policy.ContentFilterMarker),
            ViolateSchema = violate,
            ViolateSchemaOnceKey = Contains(messages, policy.SchemaViolationOnceMarker) ? FirstUserKey(messages, digest) : null,
        };
    }

    /// <summary>
    /// Whether a json_schema answer about to be served breaks its schema. A -ONCE violation is spent only here,
    /// so it lands on the first answers actually served for that first user message, not on throttled attempts.
    /// </summary>
    public bool ViolatesSchema(FaultPlan plan, FaultPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        if (plan.ViolateSchema)
        {
            return true;
        }

        return plan.ViolateSchemaOnceKey is { } key
            && _schemaViolations.AddOrUpdate(key, 1, static (_, n) => n + 1) <= policy.FailFirstAttempts;
    }

    /// <summary>Forgets every attempt, so each content starts again at attempt 1.</summary>
    public void Reset()
    {
        _attempts.Clear();
        _schemaViolations.Clear();
    }

    private static FaultPlan FromHeader(FaultPolicy policy, IReadOnlyList<ForcedFault> forced, byte[] digest, int attempt)
    {
        var plan = new FaultPlan { Attempt = attempt };
        foreach (var fault in forced)
        {
            plan = fault.Kind switch
            {
                FaultKind.Throttle => plan with { ThrottleRetryAfterMs = fault.Value ?? policy.RetryAfterMs },
                FaultKind.ServerError => plan with { ServerErrorStatus = fault.Value ?? ServerErrorStatus(policy, digest, attempt) },
                FaultKind.Slow => plan with { SlowMs = fault.Value ?? policy.SlowMs },
                FaultKind.Reset => plan with { Reset = true },
                FaultKind.Truncated => plan with { Truncate = true },
                FaultKind.ContentFilter => plan with { ContentFilter = true },
                FaultKind.NoChoices => plan with { NoChoices = true },
                _ => plan with { ViolateSchema = true },
            };
        }

        return plan;
    }

    private static FaultKind? Band(FaultPolicy policy, double roll)
    {
        var edge = 0.0;
        foreach (var (kind, rate) in new[]
        {
            (FaultKind.Throttle, policy.ThrottleRate),
            (FaultKind.ServerError, policy.ServerErrorRate),
            (FaultKind.Reset, policy.ResetRate),
            (FaultKind.Slow, policy.SlowRate),
            (FaultKind.Truncated, policy.TruncatedRate),
            (FaultKind.SchemaViolation, policy.SchemaViolationRate),
        })
        {
            edge += rate;
            if (roll < edge)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The configured status, else 500 or 503 alternating with the content and the attempt.</summary>
    private static int ServerErrorStatus(FaultPolicy policy, byte[] digest, int attempt) =>
        policy.ServerErrorStatus != 0 ? policy.ServerErrorStatus : ((digest[^1] + attempt) % 2 == 0 ? 500 : 503);

    private static double Roll(byte[] digest, int attempt)
    {
        // Bytes 8..15 of the digest: independent of the bytes that seed the generated content.
        var seed = BinaryPrimitives.ReadUInt64LittleEndian(digest.AsSpan(8)) ^ ((ulong)attempt * 0xD1B54A32D192ED03UL);
        return new DeterministicRandom(seed).NextDouble();
    }

    private static string FirstUserKey(IReadOnlyList<ChatMessageText> messages, byte[] digest) =>
        messages.FirstOrDefault(m => m.Role == "user") is { } user ? MessageDigest.KeyOfText(user.Content) : MessageDigest.Key(digest);

    private static bool Contains(IReadOnlyList<ChatMessageText> messages, string marker)
    {
        if (marker.Length == 0)
        {
            return false;
        }

        foreach (var message in messages)
        {
            if (message.Content.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
