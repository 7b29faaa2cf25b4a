namespace DualPrevention.Core.Monitoring;

/// <summary>How readings are thinned and silence is judged (section <c>Monitoring</c>; ADR 0050).</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>A reading is kept in the history when it moved this fraction of the point's range since the last kept one.</summary>
    public double DeadBandFraction { get; set; } = 0.005;

    /// <summary>… or when the last kept one is this many seconds old.</summary>
    public int KeepEverySeconds { get; set; } = 300;

    /// <summary>A point silent for this many of its reporting intervals raises a data-interruption alarm.</summary>
    public int InterruptionIntervals { get; set; } = 3;

    /// <summary>How many months of history are kept.</summary>
    public int RetentionMonths { get; set; } = 13;

    public Evaluation.Thinning Thinning => new(DeadBandFraction, TimeSpan.FromSeconds(KeepEverySeconds));
}
