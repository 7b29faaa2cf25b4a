namespace DualPrevention.Core.Monitoring;

/// <summary>The alarm centre's categories of monitoring (ADR 0050): one per limit band, and data interruption.</summary>
public static class MonitoringAlarms
{
    public const string LimitHigh = "LimitHigh";
    public const string LimitHighHigh = "LimitHighHigh";
    public const string LimitLow = "LimitLow";
    public const string LimitLowLow = "LimitLowLow";
    public const string DataInterruption = "DataInterruption";

    public static string CategoryOf(LimitBand band) => band switch
    {
        LimitBand.High => LimitHigh,
        LimitBand.HighHigh => LimitHighHigh,
        LimitBand.Low => LimitLow,
        LimitBand.LowLow => LimitLowLow,
        LimitBand.Normal => throw new ArgumentOutOfRangeException(nameof(band), "A normal value raises no alarm."),
    };
}
