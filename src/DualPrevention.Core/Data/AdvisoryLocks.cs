namespace DualPrevention.Core.Data;

/// <summary>
/// Every PostgreSQL advisory lock the platform takes, with what it protects. All are transaction-level
/// (<c>pg_advisory_xact_lock</c>): taken inside the caller's transaction, released when it commits or rolls back, so a
/// crashed run never leaves one behind. The recurring jobs' locks are pairs in class <see cref="JobClass"/>; locks per
/// enterprise or per purpose hash a name into one 64-bit key. One more is taken in SQL only: (7403, 1) by the trigger
/// that keeps enterprise short codes free of hyphen prefixes (migration AddedShortCodePrefixRule).
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>The first key of the recurring jobs' locks; the second numbers the job.</summary>
    public const int JobClass = 7401;

    /// <summary>
    /// Task generation (<c>inspections:generate-tasks</c>, and the demo story's replay of it): two runs never
    /// interleave their inserts, which could deadlock on the unique window key; the second finds the windows there.
    /// </summary>
    public static readonly AdvisoryLock TaskGeneration = AdvisoryLock.Pair(JobClass, 1);

    /// <summary>
    /// Opening and closing windows (<c>inspections:close-windows</c>): a retry overlapping the next 5-minute run, or a
    /// second job server, would update the same windows and could lock them in different orders and deadlock.
    /// </summary>
    public static readonly AdvisoryLock WindowClosing = AdvisoryLock.Pair(JobClass, 2);

    /// <summary>Escalation (<c>hidden-dangers:escalate</c>): the second of two runs finds every step recorded.</summary>
    public static readonly AdvisoryLock Escalation = AdvisoryLock.Pair(JobClass, 3);

    /// <summary>
    /// The inspection statistics (<c>reports:refresh-statistics</c>, and a 停用检修 change recounting its days): two
    /// refreshes converge on the same rows instead of deleting each other's.
    /// </summary>
    public static readonly AdvisoryLock StatisticsRefresh = AdvisoryLock.Pair(JobClass, 4);

    /// <summary>The demo story: of two app nodes starting on one database, the second waits, then finds the story told.</summary>
    public static readonly AdvisoryLock DemoStory = AdvisoryLock.Named("demo-story");

    /// <summary>One enterprise's risk-register import: two commits at once would each find the other's rows missing.</summary>
    public static AdvisoryLock RiskRegisterImport(Guid enterpriseId) => AdvisoryLock.Named($"risk-register-import:{enterpriseId}");

    /// <summary>One enterprise's hidden-danger ledger import: a re-import finds the first one's ledger numbers.</summary>
    public static AdvisoryLock HiddenDangerLedgerImport(Guid enterpriseId) => AdvisoryLock.Named($"hidden-danger-ledger-import:{enterpriseId}");

    /// <summary>
    /// One person's quotas (unattached photos, queued exports): of two requests at once, the second counts the first's
    /// row, so a burst cannot slip past the limit together.
    /// </summary>
    public static AdvisoryLock UserQuota(Guid userId) => AdvisoryLock.Named($"user-quota:{userId}");
}
