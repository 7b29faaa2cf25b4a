namespace DualPrevention.Core.Permits;

/// <summary>
/// The timing rules GA-* of docs/domain/special-operations.md#63-timing-rules: how fresh a gas test must be at start or
/// restart, when an interruption calls for a new one, how often confined-space readings are logged, and the detector's
/// calibration.
/// </summary>
public static class GasTiming
{
    /// <summary>GA-HW-1, GA-CS-1: work starts (or a space is entered) at most 30 min after sampling (§5.3.1 c, §6.3 a).</summary>
    public static readonly TimeSpan MaxAgeAtStart = TimeSpan.FromMinutes(30);

    /// <summary>GA-CS-4: confined-space readings are logged at least every 2 h during the work (§6.5).</summary>
    public static readonly TimeSpan ConfinedSpaceReadingInterval = TimeSpan.FromHours(2);

    /// <summary>Whether a permit of <paramref name="type"/> needs a passing gas test before it starts.</summary>
    /// <param name="hazardousAreaOrDeepExcavation">
    /// Temporary power in an operating fire and explosion hazardous area (GA-TE-1, §10.1), or excavation deeper than 1.2 m
    /// near buried flammable or toxic lines (GA-EX-1, §11.10).
    /// </param>
    public static bool Required(SpecialOperationType type, bool hazardousAreaOrDeepExcavation) => type switch
    {
        SpecialOperationType.HotWork or SpecialOperationType.ConfinedSpace => true,
        SpecialOperationType.TemporaryElectricity or SpecialOperationType.Excavation => hazardousAreaOrDeepExcavation,
        _ => false,
    };

    /// <summary>
    /// GA-HW-1 and GA-CS-1: the test sampled at <paramref name="sampledAt"/> is fresh for a start at <paramref name="startAt"/>
    /// when it was taken before the start and at most 30 minutes earlier.
    /// </summary>
    public static bool FreshForStart(DateTimeOffset sampledAt, DateTimeOffset startAt) =>
        sampledAt <= startAt && startAt - sampledAt <= MaxAgeAtStart;

    /// <summary>
    /// GA-HW-2 and GA-CS-3: the longest interruption after which work resumes without a new analysis — 30 min for special
    /// and level 1 hot work, 60 min for level 2 hot work (§5.3.1 d) and for confined space (§6.3 f); null for types
    /// without gas tests.
    /// </summary>
    public static TimeSpan? InterruptionThreshold(SpecialOperationType type, HotWorkGrade? grade) => type switch
    {
        SpecialOperationType.HotWork => grade == HotWorkGrade.Level2 ? TimeSpan.FromMinutes(60) : TimeSpan.FromMinutes(30),
        SpecialOperationType.ConfinedSpace => TimeSpan.FromMinutes(60),
        _ => null,
    };

    /// <summary>
    /// Whether resuming at <paramref name="resumeAt"/> after an interruption since <paramref name="suspendedAt"/> needs a new
    /// gas test: the interruption passed the grade's threshold (GA-HW-2, GA-CS-3), or hot work resumes on a later Beijing
    /// day than its last analysis (GA-HW-3: analyse every day).
    /// </summary>
    public static bool RetestRequired(SpecialOperationType type, HotWorkGrade? grade, DateTimeOffset suspendedAt, DateTimeOffset resumeAt, DateTimeOffset? lastSampledAt)
    {
        if (InterruptionThreshold(type, grade) is { } threshold && resumeAt - suspendedAt > threshold)
        {
            return true;
        }

        return type == SpecialOperationType.HotWork
            && (lastSampledAt is null || BusinessTime.LocalDate(lastSampledAt.Value) != BusinessTime.LocalDate(resumeAt));
    }

    /// <summary>GA-HW-4: special hot work is monitored continuously throughout (§5.3.1 d).</summary>
    public static bool ContinuousMonitoringRequired(SpecialOperationType type, HotWorkGrade? grade) =>
        type == SpecialOperationType.HotWork && grade == HotWorkGrade.Special;

    /// <summary>GA-CS-4: a confined space in progress whose last reading is more than 2 h old is overdue for one (§6.5).</summary>
    public static bool ConfinedSpaceReadingOverdue(DateTimeOffset lastReadingAt, DateTimeOffset now) =>
        now - lastReadingAt > ConfinedSpaceReadingInterval;

    /// <summary>A detector whose calibration fell due before the Beijing day of sampling is refused (§4.12, docs/domain/special-operations.md#62-converting-readings).</summary>
    public static bool DetectorCalibrated(DateOnly calibrationDueOn, DateTimeOffset sampledAt) =>
        BusinessTime.LocalDate(sampledAt) <= calibrationDueOn;
}
