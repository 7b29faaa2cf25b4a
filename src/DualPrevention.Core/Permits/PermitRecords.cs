using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Permits;

/// <summary>Who acts on a permit: the account (null for the platform's own jobs) and the name shown in its timeline.</summary>
public sealed record PermitActor(Guid? UserId, string Name);

/// <summary>A person of Positioning's registry named on a permit in a role, with the certificate the permit cites.</summary>
public sealed class PermitPerson : ITenantOwned
{
    private PermitPerson()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public PermitRole Role { get; private set; }

    /// <summary>The person's certificate (<c>person_certificate</c>) the permit relies on, if any.</summary>
    public Guid? CertificateId { get; private set; }

    internal static PermitPerson Of(WorkPermit permit, Guid personId, PermitRole role, Guid? certificateId) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        PersonId = personId,
        Role = role,
        CertificateId = certificateId,
    };
}

/// <summary>A safety measure on the permit (安全措施, Appendix A): applicable or not, and who confirmed it when.</summary>
public sealed class PermitMeasure : ITenantOwned
{
    private PermitMeasure()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public int Seq { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The clause the measure comes from, or null for an enterprise's own item.</summary>
    public string? Clause { get; private set; }

    /// <summary>Null until someone decides; false: not applicable to this work.</summary>
    public bool? Applicable { get; private set; }

    public Guid? ConfirmedByPersonId { get; private set; }

    public string? ConfirmedByName { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool Settled => Applicable == false || (Applicable == true && ConfirmedByPersonId is not null);

    internal static PermitMeasure Of(WorkPermit permit, int seq, string text, string? clause) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        Seq = seq,
        Text = text.Trim(),
        Clause = clause,
    };

    internal void Confirm(bool applicable, Guid personId, string personName, DateTimeOffset now)
    {
        Applicable = applicable;
        ConfirmedByPersonId = personId;
        ConfirmedByName = personName;
        ConfirmedAt = now;
    }
}

/// <summary>One ordered signature (<c>ApprovalStep</c>): the function that signs, then the account, time and opinion once signed.</summary>
public sealed class ApprovalStep : ITenantOwned
{
    private ApprovalStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public int Seq { get; private set; }

    public PermitOrgRole Role { get; private set; }

    public Guid? SignedByUserId { get; private set; }

    public string? SignedByName { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? SignedAt { get; private set; }

    public string? Opinion { get; private set; }

    internal static ApprovalStep Of(WorkPermit permit, int seq, PermitOrgRole role) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        Seq = seq,
        Role = role,
    };

    internal void Sign(PermitActor by, string? opinion, DateTimeOffset now)
    {
        SignedByUserId = by.UserId;
        SignedByName = by.Name;
        SignedAt = now;
        Opinion = opinion;
    }
}

/// <summary>The safety briefing (安全交底, §4.4): who briefed whom, when, and what was said.</summary>
public sealed class SafetyBriefing : ITenantOwned
{
    private SafetyBriefing()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid BriefedByPersonId { get; private set; }

    public Guid[] BriefedPersonIds { get; private set; } = [];

    public string Content { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset At { get; private set; }

    internal static SafetyBriefing Of(WorkPermit permit, Guid briefedBy, IEnumerable<Guid> briefed, string content, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        BriefedByPersonId = briefedBy,
        BriefedPersonIds = [.. briefed.Distinct()],
        Content = content.Trim(),
        At = at,
    };
}

/// <summary>A gas test (气体分析, docs/domain/special-operations.md#64-the-gas-test-record) with its verdict.</summary>
public sealed class GasTest : ITenantOwned
{
    private GasTest()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset SampledAt { get; private set; }

    public string Point { get; private set; } = "";

    public string RepresentativeGas { get; private set; } = "";

    /// <summary>The representative gas's LEL, % vol.</summary>
    public decimal LowerExplosiveLimit { get; private set; }

    /// <summary>The flammable reading as entered, in <see cref="Unit"/>.</summary>
    public decimal FlammableValue { get; private set; }

    public GasReadingUnit Unit { get; private set; }

    /// <summary>The flammable reading in % vol (converted from %LEL when read so).</summary>
    public decimal FlammableVolume { get; private set; }

    /// <summary>% vol.</summary>
    public decimal? Oxygen { get; private set; }

    public bool OxygenEnriched { get; private set; }

    public bool OxygenEquipment { get; private set; }

    public List<ToxicReading> Toxic { get; private set; } = [];

    public string Analyst { get; private set; } = "";

    public string DetectorId { get; private set; } = "";

    public DateOnly DetectorCalibrationDueOn { get; private set; }

    /// <summary>Taken by a continuous monitor left running at the point (GA-HW-4, GA-CS-4).</summary>
    public bool Continuous { get; private set; }

    public bool Passed { get; private set; }

    /// <summary>The keys of the rules it failed, empty when it passed.</summary>
    public string[] Failures { get; private set; } = [];

    public Guid? RecordedByUserId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    internal static GasTest Of(WorkPermit permit, GasTestEntry entry, IReadOnlyList<PermitRefusal> failures, PermitActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        SampledAt = entry.SampledAt,
        Point = entry.Point.Trim(),
        RepresentativeGas = entry.Sample.RepresentativeGas.Trim(),
        LowerExplosiveLimit = entry.Sample.LowerExplosiveLimit,
        FlammableValue = entry.Sample.FlammableValue,
        Unit = entry.Sample.Unit,
        FlammableVolume = entry.Sample.Unit == GasReadingUnit.PercentLel
            ? GasAnalysis.ToPercentVolume(entry.Sample.FlammableValue, entry.Sample.LowerExplosiveLimit)
            : entry.Sample.FlammableValue,
        Oxygen = entry.Sample.Oxygen,
        OxygenEnriched = entry.Sample.OxygenEnriched,
        OxygenEquipment = entry.Sample.OxygenEquipment,
        Toxic = [.. entry.Sample.Toxic],
        Analyst = entry.Analyst.Trim(),
        DetectorId = entry.DetectorId.Trim(),
        DetectorCalibrationDueOn = entry.DetectorCalibrationDueOn,
        Continuous = entry.Continuous,
        Passed = failures.Count == 0,
        Failures = [.. failures.Select(f => f.Key)],
        RecordedByUserId = by.UserId,
        RecordedAt = now,
    };
}

/// <summary>What a gas test records, as entered.</summary>
public sealed record GasTestEntry(
    DateTimeOffset SampledAt, string Point, GasSample Sample, string Analyst, string DetectorId, DateOnly DetectorCalibrationDueOn, bool Continuous = false);

/// <summary>An interruption of the work (<c>interruptions</c>: from, to, reason); open while <see cref="To"/> is null.</summary>
public sealed class PermitInterruption : ITenantOwned
{
    private PermitInterruption()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset From { get; private set; }

    /// <summary>UTC; null while the work is suspended.</summary>
    public DateTimeOffset? To { get; private set; }

    public string Reason { get; private set; } = "";

    internal static PermitInterruption Of(WorkPermit permit, string reason, DateTimeOffset from) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        From = from,
        Reason = reason.Trim(),
    };

    internal void Close(DateTimeOffset at) => To = at;
}

/// <summary>One transition of a permit, append-only (who, when, from, to, reason).</summary>
public sealed class WorkPermitEvent : ITenantOwned
{
    private WorkPermitEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public WorkPermitAction Action { get; private set; }

    public WorkPermitStatus? FromStatus { get; private set; }

    public WorkPermitStatus ToStatus { get; private set; }

    public Guid? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string? Reason { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset At { get; private set; }

    internal static WorkPermitEvent Of(WorkPermit permit, WorkPermitAction action, WorkPermitStatus? from, PermitActor by, string? reason, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        Action = action,
        FromStatus = from,
        ToStatus = permit.Status,
        ByUserId = by.UserId,
        ByName = by.Name,
        Reason = reason,
        At = at,
    };
}
