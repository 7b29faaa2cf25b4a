using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// 排查记录 (docs/domain/dual-prevention.md#57-inspection-records, exchange <c>sec_hidden_check_record</c>): one check of
/// an <see cref="InspectionTask"/>. On time only inside the window; a late record is kept with <see cref="IsLate"/> and
/// completes nothing. <see cref="SubmissionId"/> is chosen by the form or the field app, so submitting the same form
/// twice stores one record.
/// </summary>
public sealed class InspectionRecord : ITenantOwned, IAudited
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid TaskId { get; private set; }

    public Guid DefinitionId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid MeasureId { get; private set; }

    public InspectionResult Result { get; private set; }

    public string? Note { get; private set; }

    /// <summary>UTC time of the check (the server's clock when submitted).</summary>
    public DateTimeOffset CheckedAt { get; private set; }

    /// <summary>Null for the platform's 未排查 records.</summary>
    public Guid? CheckedByUserId { get; private set; }

    public string CheckedByName { get; private set; } = "";

    public RecordChannel Channel { get; private set; }

    /// <summary>IMEI of the field device (exchange <c>mobileMe</c>); null from the browser.</summary>
    public string? DeviceImei { get; private set; }

    /// <summary>包保责任人任务 (exchange <c>isDefend</c>).</summary>
    public bool IsAccountabilityTask { get; private set; }

    /// <summary>Checked after the window ended.</summary>
    public bool IsLate { get; private set; }

    /// <summary>WGS-84 degrees, when the browser allowed it.</summary>
    public double? Latitude { get; private set; }

    /// <summary>WGS-84 degrees, when the browser allowed it.</summary>
    public double? Longitude { get; private set; }

    /// <summary>Metres, as the browser reported.</summary>
    public double? LocationAccuracyMetres { get; private set; }

    /// <summary>Idempotency key of the submission, unique per enterprise.</summary>
    public Guid SubmissionId { get; private set; }

    /// <summary>The hidden-danger report the record opened (result 存在隐患).</summary>
    public Guid? HiddenDangerId { get; private set; }

    /// <summary>
    /// Why the enterprise administrator recorded this check for the window's assignee (代为记录); null when the assignee
    /// or anyone of an unassigned window checked (ADR 0016).
    /// </summary>
    public string? OnBehalfReason { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);

    public static InspectionRecord Create(InspectionTask task, InspectionTaskDefinition definition, InspectionCheck check, InspectionInspector inspector, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = task.EnterpriseId,
            RegionCode = task.RegionCode,
            TaskId = task.Id,
            DefinitionId = task.DefinitionId,
            UnitId = task.UnitId,
            MeasureId = definition.MeasureId,
            Result = check.Result,
            Note = string.IsNullOrWhiteSpace(check.Note) ? null : check.Note.Trim(),
            CheckedAt = now,
            CheckedByUserId = inspector.UserId,
            CheckedByName = inspector.Name,
            Channel = check.Channel,
            DeviceImei = string.IsNullOrWhiteSpace(check.DeviceImei) ? null : check.DeviceImei.Trim(),
            IsAccountabilityTask = InspectionTaskTypes.Accountability.Contains(task.TaskType),
            IsLate = !task.IsOnTime(now),
            Latitude = check.Location?.Latitude,
            Longitude = check.Location?.Longitude,
            LocationAccuracyMetres = check.Location?.AccuracyMetres,
            SubmissionId = check.SubmissionId,
            OnBehalfReason = string.IsNullOrWhiteSpace(check.OnBehalfReason) ? null : check.OnBehalfReason.Trim(),
            CreatedAt = now,
        };

    public void OpenedHiddenDanger(Guid hiddenDangerId) => HiddenDangerId = hiddenDangerId;
}

/// <summary>What an inspector submits for one task.</summary>
/// <param name="OnBehalfReason">Set when the enterprise administrator records for the window's assignee.</param>
public sealed record InspectionCheck(
    Guid SubmissionId, InspectionResult Result, string? Note, GeoLocation? Location, RecordChannel Channel, string? DeviceImei, string? OnBehalfReason = null);

/// <summary>A WGS-84 position in degrees with its accuracy in metres.</summary>
public sealed record GeoLocation(double Latitude, double Longitude, double? AccuracyMetres)
{
    /// <summary>
    /// The coarsest accuracy kept, 100 km: a phone's network-only fix is a few kilometres at worst, so more is a
    /// broken device or a made-up value (ADR 0024); the database holds the same bound.
    /// </summary>
    public const double WorstAccuracyMetres = 100_000;
}

/// <summary>Who checked: account id and display name.</summary>
public sealed record InspectionInspector(Guid UserId, string Name);
