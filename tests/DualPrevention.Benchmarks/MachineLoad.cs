namespace DualPrevention.Benchmarks;

/// <summary>The machine is shared: each benchmark prints its figures beside the load they were measured under.</summary>
internal static class MachineLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages, or "unknown" where /proc/loadavg does not exist.</summary>
    public static string Averages() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
