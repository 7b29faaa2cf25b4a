using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// 报警: one alarm of any source — positioning now, video, sensors and permits later — with one life-cycle
/// (docs/domain/alarms.md#1-states, ADR 0037). Raised once per source event (<see cref="SourceEventId"/> is unique per
/// enterprise and source), merged into an open alarm of the same subject within the dedup window, and ended by an
/// outcome: merged, false alarm, resolved or converted into a hidden danger. The transitions are in
/// <c>AlarmLifecycle.cs</c>.
/// </summary>
public sealed partial class Alarm : ITenantOwned
{
    /// <summary>Longest <see cref="Summary"/>.</summary>
    public const int SummaryLength = 500;

    /// <summary>Longest <see cref="Category"/> code.</summary>
    public const int CategoryLength = 50;

    /// <summary>Longest <see cref="SourceEventId"/>.</summary>
    public const int SourceEventIdLength = 100;

    /// <summary>Longest reason, evidence or note.</summary>
    public const int NoteLength = 1000;

    private Alarm()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public AlarmSource Source { get; private set; }

    /// <summary>The feed's own id of the event (a fix's id, a video platform's alarm id): a retried feed names it again.</summary>
    public string SourceEventId { get; private set; } = "";

    /// <summary>The rule or category code (<c>Sos</c>, <c>UnauthorizedEntry</c>, <c>FireFlame</c> …), see <see cref="AlarmCategories"/>.</summary>
    public string Category { get; private set; } = "";

    public AlarmSeverity Severity { get; private set; }

    public Guid? ZoneId { get; private set; }

    public Guid? SitePlanId { get; private set; }

    public Guid? DeviceId { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>UTC; when the source saw it happen.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>UTC; when the alarm centre received it.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>UTC; the latest occurrence merged into this alarm (its own occurrence until one is).</summary>
    public DateTimeOffset LastOccurredAt { get; private set; }

    /// <summary>What the source says happened, for the duty list (≤ 500).</summary>
    public string Summary { get; private set; } = "";

    public AlarmStatus Status { get; private set; }

    /// <summary>The open alarm this one was merged into.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>How many later occurrences were merged into this alarm.</summary>
    public int MergedCount { get; private set; }

    /// <summary>UTC; by when someone must confirm it or call it false (the category's minutes after <see cref="RaisedAt"/>).</summary>
    public DateTimeOffset ConfirmDueAt { get; private set; }

    /// <summary>0 not escalated, 1 the enterprise's duty roles told, 2 the city bureau told too (ADR 0037).</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>UTC; the latest escalation step.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>UTC; the first review (confirmed or false): the end of the response time.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>UTC; when it reached its outcome: the end of the handling time.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public FalseAlarmReason? FalseAlarmReason { get; private set; }

    /// <summary>The false alarm's note or the resolution's evidence text (≤ 1000).</summary>
    public string? Disposition { get; private set; }

    public Guid? DispatchedToUserId { get; private set; }

    public string? DispatchedToName { get; private set; }

    /// <summary>UTC; by when the person dispatched to must resolve it.</summary>
    public DateTimeOffset? DispatchDeadline { get; private set; }

    /// <summary>The evidence photo of the resolution (the photo pipeline, ADR 0021).</summary>
    public Guid? EvidencePhotoId { get; private set; }

    /// <summary>The hidden danger opened from this alarm; that hidden danger finds its alarm by this column.</summary>
    public Guid? HiddenDangerId { get; private set; }

    /// <summary>PostgreSQL xmin, for optimistic concurrency: a step saved over a row someone changed since it was loaded is refused.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => AlarmStates.Open.Contains(Status);
}
