using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Permits;

/// <summary>A person named on a permit as entered: the registry's person, the role, the certificate relied on.</summary>
public sealed record PermitPersonEntry(Guid PersonId, PermitRole Role, Guid? CertificateId);

/// <summary>A measure to put on a permit: from the type's checklist (with its clause) or the enterprise's own.</summary>
public sealed record MeasureEntry(string Text, string? Clause);

/// <summary>What an applicant writes on a permit; all of it is frozen once the permit leaves the draft (§4.18, ADR 0045).</summary>
public sealed record WorkPermitContent(
    PermitDetails Details,
    string ApplicantUnit,
    string WorkContent,
    string LocationText,
    bool Outdoor,
    string? Contractor,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    string? HazardAnalysisResult,
    string? OtherMeasures,
    string? OtherMeasuresAuthor,
    IReadOnlyList<PermitPersonEntry> People,
    WorkPointEntry? WorkPoint = null,
    SimultaneousActivity Activities = SimultaneousActivity.None);

/// <summary>
/// 安全作业票: one permit for one special operation (docs/domain/special-operations.md#11-the-permit-record, ADR 0045).
/// Its content is written while it is a draft; afterwards only its process moves (<see cref="WorkPermitLifecycle"/>).
/// </summary>
public sealed partial class WorkPermit : ITenantOwned, IAudited
{
    private readonly List<PermitPerson> _people = [];
    private readonly List<PermitMeasure> _measures = [];
    private readonly List<ApprovalStep> _approvals = [];
    private readonly List<GasTest> _gasTests = [];
    private readonly List<PermitInterruption> _interruptions = [];
    private readonly List<SafetyBriefing> _briefings = [];

    private WorkPermit()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>Unique per enterprise: type prefix, Beijing day, sequence (<c>DH-20261207-001</c>).</summary>
    public string Number { get; private set; } = "";

    public SpecialOperationType Type { get; private set; }

    /// <summary>The managed hot-work grade (after an upgrade); hot work only.</summary>
    public HotWorkGrade? HotWorkGrade { get; private set; }

    public HeightClass? HeightClass { get; private set; }

    public LiftingGrade? LiftingGrade { get; private set; }

    public WorkPermitStatus Status { get; private set; }

    public PermitDetails Details { get; private set; } = null!;

    public string ApplicantUnit { get; private set; } = "";

    /// <summary>UTC, 作业申请时间.</summary>
    public DateTimeOffset AppliedAt { get; private set; }

    public Guid? AppliedByUserId { get; private set; }

    public string WorkContent { get; private set; } = "";

    public string LocationText { get; private set; } = "";

    /// <summary>The site plan the work point is on; null when the permit has no work point.</summary>
    public Guid? SitePlanId { get; private set; }

    /// <summary>作业点 in the plan's metres (SRID 0); the distance rules of §8 of the domain file measure from it.</summary>
    public Point? WorkPoint { get; private set; }

    /// <summary>作业围栏 in the plan's metres: the circle or polygon around the work point.</summary>
    public Polygon? WorkFence { get; private set; }

    /// <summary>The circle's radius in metres when the fence was given as one; null for a drawn polygon.</summary>
    public double? FenceRadiusMeters { get; private set; }

    /// <summary>What the work involves that the exclusion rules keep from hot work (<see cref="SimultaneousOperations"/>).</summary>
    public SimultaneousActivity Activities { get; private set; }

    /// <summary>Outdoors: the weather blocks apply (§5.2.15, §8.2.6, §9.2.4).</summary>
    public bool Outdoor { get; private set; }

    public string? Contractor { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset PlannedStart { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset PlannedEnd { get; private set; }

    /// <summary>UTC; when the last approval step was signed.</summary>
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>UTC; <c>min(plannedEnd, issuedAt + cap)</c> once issued (<see cref="PermitValidity"/>).</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? ActualStart { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? ActualEnd { get; private set; }

    public string? HazardAnalysisResult { get; private set; }

    public string? OtherMeasures { get; private set; }

    public string? OtherMeasuresAuthor { get; private set; }

    /// <summary>The on-shift team leader's check before hot work starts (岗位当班班长验票).</summary>
    public Guid? ShiftLeaderCheckedByUserId { get; private set; }

    public string? ShiftLeaderCheckedByName { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? ShiftLeaderCheckedAt { get; private set; }

    public Guid? AcceptedByUserId { get; private set; }

    public string? AcceptedByName { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public bool SiteRestored { get; private set; }

    public string? CompletionNotes { get; private set; }

    /// <summary>UTC; when the permit left the open states.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why it was revoked, cancelled or voided.</summary>
    public string? EndReason { get; private set; }

    /// <summary>The voided permit this one corrects.</summary>
    public Guid? ReplacesPermitId { get; private set; }

    /// <summary>The permit that corrects this voided one.</summary>
    public Guid? ReplacedByPermitId { get; private set; }

    /// <summary>Optimistic concurrency (xmin): two people moving one permit at once, the second is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>The permits of the other types of the same job (§4.6: each type its own permit).</summary>
    public Guid[] LinkedPermitIds { get; private set; } = [];

    public IReadOnlyList<PermitPerson> People => _people;

    public IReadOnlyList<PermitMeasure> Measures => _measures;

    public IReadOnlyList<ApprovalStep> Approvals => _approvals;

    public IReadOnlyList<GasTest> GasTests => _gasTests;

    public IReadOnlyList<PermitInterruption> Interruptions => _interruptions;

    public IReadOnlyList<SafetyBriefing> Briefings => _briefings;

    /// <summary>The grade's name for display and lists, null for ungraded types.</summary>
    public string? GradeName => HotWorkGrade?.ToString() ?? HeightClass?.ToString() ?? LiftingGrade?.ToString();

    /// <summary>Whether this permit's work needs gas tests (<see cref="GasTiming.Required"/>).</summary>
    public bool GasTestRequired => GasTiming.Required(Type, Details switch
    {
        TemporaryElectricityDetails e => e.InHazardousArea,
        ExcavationDetails x => x.NearBuriedHazardousLines && x.DepthMeters > ExcavationDetails.ConfinedSpaceRulesDepthMeters,
        _ => false,
    });

    /// <summary>The latest gas test by sampling time (the later recorded of two samples at one time), or null.</summary>
    public GasTest? LatestGasTest => _gasTests.OrderBy(t => t.SampledAt).ThenBy(t => t.RecordedAt).LastOrDefault();

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
