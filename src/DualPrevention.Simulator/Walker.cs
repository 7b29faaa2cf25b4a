using NetTopologySuite.Geometries;

namespace DualPrevention.Simulator;

/// <summary>What a walker does besides walking: the scripted episodes the demo's alarms come from (docs/domain/positioning.md#3-alarm-types).</summary>
public enum WalkerRole
{
    /// <summary>Walks from one random point of the plan to the next, never into a red zone.</summary>
    Wanders,

    /// <summary>A visitor who walks into the red zone and stays there (unauthorised entry).</summary>
    StraysIntoRedZone,

    /// <summary>Stops moving after <see cref="Walker.StillAfter"/> (stillness: a person down).</summary>
    StandsStill,

    /// <summary>Presses SOS once, at <see cref="Walker.SosAt"/>.</summary>
    PressesSos,
}

/// <summary>One tag on the plan: where it is, where it goes, how fast, and its battery.</summary>
public sealed class Walker(PlatformApi.Tag tag, WalkerRole role, Coordinate start, double speed, int battery)
{
    public static readonly TimeSpan StillAfter = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan SosAt = TimeSpan.FromSeconds(60);

    private Coordinate? _target;
    private bool _sosSent;

    public PlatformApi.Tag Tag { get; } = tag;

    public WalkerRole Role { get; } = role;

    public Coordinate Position { get; private set; } = start;

    public int Battery { get; } = battery;

    /// <summary>Moves for <paramref name="step"/> at its speed towards its target, choosing a new one on arrival.</summary>
    /// <returns>Whether this fix carries the SOS (once, the first step at or after <see cref="SosAt"/>).</returns>
    public bool Step(SimulatedSite site, TimeSpan elapsed, TimeSpan step, Random random)
    {
        if (Role == WalkerRole.StandsStill && elapsed >= StillAfter)
        {
            return false;
        }

        _target ??= NextTarget(site, random);
        var distance = Position.Distance(_target);
        var reach = speed * step.TotalSeconds;
        if (distance <= reach)
        {
            Position = _target;
            _target = null;
        }
        else
        {
            Position = new Coordinate(
                Position.X + (_target.X - Position.X) * reach / distance, Position.Y + (_target.Y - Position.Y) * reach / distance);
        }

        if (Role == WalkerRole.PressesSos && !_sosSent && elapsed >= SosAt)
        {
            _sosSent = true;
            return true;
        }

        return false;
    }

    private Coordinate NextTarget(SimulatedSite site, Random random) =>
        Role == WalkerRole.StraysIntoRedZone && site.RedZone is { } red ? SimulatedSite.Inside(red.Outline, random) : site.OutsideRedZones(random);
}
