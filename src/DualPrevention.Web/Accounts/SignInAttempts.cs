using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// The node's memory of sign-in attempts: the per-user-name rate limit, failures counted per user name and client
/// address, and which throttles were already audited. Held per node; several web nodes each count their own (ADR 0017).
/// </summary>
internal sealed class SignInAttempts(IOptions<SignInThrottleOptions> options, TimeProvider clock) : IDisposable
{
    // Past this many remembered keys the expired ones are swept out, so a flood of made-up names cannot grow memory.
    private const int SweepThreshold = 10_000;

    private readonly SignInThrottleOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string Name, string Client), Failures> _failures = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastAudited = new();
    private readonly PartitionedRateLimiter<string> _perName = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerUserNamePermitLimit,
            Window = options.Value.PerUserNameWindow,
            QueueLimit = 0,
        }));

    private sealed record Failures(int Count, DateTimeOffset FirstAt, DateTimeOffset? LockedUntil);

    /// <summary>Null when the attempt may go on; else how long the user name must wait.</summary>
    public TimeSpan? ThrottleUserName(string name)
    {
        using var lease = _perName.AttemptAcquire(Key(name));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _options.PerUserNameWindow;
    }

    public bool IsLockedOut(string name, string client) =>
        _failures.TryGetValue((Key(name), client), out var failures) && failures.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure; true when it is the one that locks the name for this client.</summary>
    public bool RecordFailure(string name, string client)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var failures = _failures.AddOrUpdate((Key(name), client), _ => new Failures(1, now, null), (_, previous) =>
            previous.FirstAt + _options.LockoutDuration < now ? new Failures(1, now, null) : previous with { Count = previous.Count + 1 });
        if (failures.Count < _options.FailuresBeforeLockout || failures.LockedUntil is not null)
        {
            return false;
        }

        _failures[(Key(name), client)] = failures with { LockedUntil = now + _options.LockoutDuration };
        return true;
    }

    public void Forget(string name, string client) => _failures.TryRemove((Key(name), client), out _);

    /// <summary>True once per key and window, so a flood writes one audit entry per window, not one per request.</summary>
    public bool ShouldAudit(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var last = _lastAudited.GetValueOrDefault(key, DateTimeOffset.MinValue);
        if (now - last < window)
        {
            return false;
        }

        _lastAudited[key] = now;
        return true;
    }

    public void Dispose() => _perName.Dispose();

    private static string Key(string name) => name.Trim().ToUpperInvariant();

    private void Sweep(DateTimeOffset now)
    {
        if (_failures.Count > SweepThreshold)
        {
            foreach (var (key, failures) in _failures)
            {
                if ((failures.LockedUntil ?? failures.FirstAt + _options.LockoutDuration) < now)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        if (_lastAudited.Count > SweepThreshold)
        {
            _lastAudited.Clear();
        }
    }
}
