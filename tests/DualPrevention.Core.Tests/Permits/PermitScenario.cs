using DualPrevention.Core.Permits;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>A level 2 hot work (unless told otherwise) with a leader, a worker and a guardian whose certificates are valid, driven to any status.</summary>
internal static class PermitScenario
{
    /// <summary>10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset PlannedStart = Now.AddMinutes(30);

    public static readonly DateTimeOffset PlannedEnd = Now.AddHours(6);

    /// <summary>When a test applies the action under test to a permit built by <see cref="InStatus"/>.</summary>
    public static readonly DateTimeOffset ActAt = Now.AddMinutes(35);

    public static readonly Guid Enterprise = Guid.NewGuid();
    public static readonly Guid Leader = Guid.NewGuid();
    public static readonly Guid Worker = Guid.NewGuid();
    public static readonly Guid Guardian = Guid.NewGuid();
    public static readonly PermitActor Applicant = new(Guid.NewGuid(), "申请人");

    /// <summary>The work leader's account (ADR 0051).</summary>
    public static readonly PermitActor LeaderAccount = new(Guid.NewGuid(), "负责人");

    /// <summary>What an account holding only <paramref name="functions"/> holds on the scenario's permits.</summary>
    public static SignerAuthority Holding(params PermitOrgRole[] functions) => new(functions.ToHashSet(), LeaderAccount.UserId, "负责人");

    /// <summary>The on-shift team leader's authority.</summary>
    public static SignerAuthority ShiftLeader => Holding(PermitOrgRole.ShiftLeader);

    /// <summary>Signs the next step by the account that may: the work leader's own, else a new account holding the step's function.</summary>
    public static WorkPermitEvent SignNext(WorkPermit permit, DateTimeOffset at, TimeSpan? tenantCap = null, IReadOnlyList<PermitRefusal>? exclusions = null)
    {
        var role = permit.NextApprovalStep!.Role;
        var by = PermitSigningAuthority.IsWorkLeaderStep(role) ? LeaderAccount : new PermitActor(Guid.NewGuid(), role.ToString());
        return permit.Sign(Holding(role), "同意", by, tenantCap, at, exclusions);
    }
    public static readonly DateOnly CertificatesValidUntil = new(2027, 12, 31);

    public static IReadOnlyList<NamedPerson> Named(DateOnly? guardianExpires = null, DateOnly? workerExpires = null) =>
    [
        new(Leader, "负责人", PermitRole.WorkLeader, null, null),
        new(Worker, "焊工", PermitRole.Worker, "T-1", workerExpires ?? CertificatesValidUntil, "特种作业操作证（焊接与热切割作业）"),
        new(Guardian, "监护人", PermitRole.Guardian, "G-1", guardianExpires ?? CertificatesValidUntil),
    ];

    public static WorkPermitContent Content(PermitDetails? details = null, bool outdoor = true, DateTimeOffset? plannedStart = null, DateTimeOffset? plannedEnd = null) => new(
        details ?? new HotWorkDetails("电焊", HotWorkGrade.Level2),
        "检修车间", "更换法兰", "罐区北侧", outdoor, "承包商甲",
        plannedStart ?? PlannedStart, plannedEnd ?? PlannedEnd,
        "可燃气体泄漏、火花飞溅", null, null,
        [new(Leader, PermitRole.WorkLeader, null), new(Worker, PermitRole.Worker, Guid.NewGuid()), new(Guardian, PermitRole.Guardian, Guid.NewGuid())]);

    public static WorkPermit Drafted(PermitDetails? details = null, bool outdoor = true, DateTimeOffset? plannedStart = null, DateTimeOffset? plannedEnd = null) =>
        WorkPermit.Draft(Enterprise, "370202", "DH-20261207-001", Content(details, outdoor, plannedStart, plannedEnd),
            [new("清除动火点周围易燃物", "§5.2.1"), new("配备灭火器材", "§5.2.1")], Applicant, Now).Permit;

    public static GasTestEntry PassingGas(DateTimeOffset sampledAt, bool continuous = false, decimal? oxygen = 20.9m) =>
        new(sampledAt, "动火点下风向", new GasSample("甲烷", 5m, 0.1m, GasReadingUnit.PercentVolume, oxygen, []), "分析员", "DET-7", new DateOnly(2027, 6, 30), continuous);

    public static GasTestEntry FailingGas(DateTimeOffset sampledAt) =>
        new(sampledAt, "动火点下风向", new GasSample("甲烷", 5m, 0.8m, GasReadingUnit.PercentVolume, 20.9m, []), "分析员", "DET-7", new DateOnly(2027, 6, 30));

    /// <summary>Preparing with every prerequisite met: measures confirmed, briefing, a passing gas test sampled at +25 min.</summary>
    public static WorkPermit Prepared(PermitDetails? details = null, bool outdoor = true)
    {
        var permit = Drafted(details, outdoor);
        permit.Submit(Named(), Applicant, Now.AddMinutes(1));
        foreach (var measure in permit.Measures)
        {
            permit.ConfirmMeasure(measure.Id, true, Guardian, "监护人", Applicant, Now.AddMinutes(2));
        }

        permit.RecordBriefing(Leader, [Worker, Guardian], "交底内容", Applicant, Now.AddMinutes(2));
        if (permit.GasTestRequired)
        {
            permit.RecordGasTest(PassingGas(Now.AddMinutes(25), continuous: true), Applicant, Now.AddMinutes(26));
        }

        return permit;
    }

    /// <summary>Approved at +28 min (and checked by the shift leader at +29 min for hot work).</summary>
    public static WorkPermit Approved(PermitDetails? details = null, bool outdoor = true, TimeSpan? tenantCap = null)
    {
        var permit = Prepared(details, outdoor);
        permit.SendForApproval(Applicant, Now.AddMinutes(27));
        SignAll(permit, Now.AddMinutes(28), tenantCap);
        if (permit.Type == SpecialOperationType.HotWork)
        {
            permit.CheckByShiftLeader(ShiftLeader, new(Guid.NewGuid(), "班长"), Now.AddMinutes(29));
        }

        return permit;
    }

    public static void SignAll(WorkPermit permit, DateTimeOffset at, TimeSpan? tenantCap = null)
    {
        while (permit.NextApprovalStep is not null)
        {
            SignNext(permit, at, tenantCap);
        }
    }

    /// <summary>Started at +31 min.</summary>
    public static WorkPermit Started(PermitDetails? details = null, bool outdoor = true)
    {
        var permit = Approved(details, outdoor);
        permit.Start(Named(), new WeatherConditions(2), Applicant, Now.AddMinutes(31));
        return permit;
    }

    public static WorkPermit InStatus(WorkPermitStatus status)
    {
        switch (status)
        {
            case WorkPermitStatus.Draft:
                return Drafted();
            case WorkPermitStatus.Preparing:
                return Prepared();
            case WorkPermitStatus.InApproval:
                var inApproval = Prepared();
                inApproval.SendForApproval(Applicant, Now.AddMinutes(27));
                return inApproval;
            case WorkPermitStatus.Approved:
                return Approved();
            case WorkPermitStatus.InProgress:
                return Started();
            case WorkPermitStatus.Suspended:
                var suspended = Started();
                suspended.Suspend("监护人离开", Applicant, Now.AddMinutes(32));
                return suspended;
            case WorkPermitStatus.PendingAcceptance:
                var finished = Started();
                finished.Finish(Applicant, Now.AddMinutes(33));
                return finished;
            case WorkPermitStatus.Closed:
                var closed = Started();
                closed.Finish(Applicant, Now.AddMinutes(33));
                closed.Accept(true, null, Applicant, Now.AddMinutes(34));
                return closed;
            case WorkPermitStatus.Expired:
                var expired = Drafted();
                expired.Expire(PlannedEnd.AddMinutes(1));
                return expired;
            case WorkPermitStatus.Revoked:
                var revoked = Approved();
                revoked.Revoke("违章", Applicant, Now.AddMinutes(30));
                return revoked;
            case WorkPermitStatus.Cancelled:
                var cancelled = Drafted();
                cancelled.Cancel("不再需要", Applicant, Now.AddMinutes(1));
                return cancelled;
            case WorkPermitStatus.Voided:
                var voided = Approved();
                voided.Void("内容有误", Drafted(), Applicant, Now.AddMinutes(30));
                return voided;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }
}

/// <summary>Compares refusals by key and arguments.</summary>
internal sealed class RefusalComparer : IEqualityComparer<PermitRefusal>
{
    public bool Equals(PermitRefusal? x, PermitRefusal? y) => x!.Key == y!.Key && x.Args.SequenceEqual(y.Args);

    public int GetHashCode(PermitRefusal obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
}
