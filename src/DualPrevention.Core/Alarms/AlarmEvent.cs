using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// One step of an alarm's life-cycle: who did what, when, from which status to which. Rows are only ever added: the
/// table refuses an UPDATE (a trigger, ADR 0037), so the history is the audit trail.
/// </summary>
public sealed class AlarmEvent : ITenantOwned
{
    private AlarmEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid AlarmId { get; private set; }

    public AlarmAction Action { get; private set; }

    /// <summary>Null for the row that raised the alarm.</summary>
    public AlarmStatus? FromStatus { get; private set; }

    public AlarmStatus ToStatus { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The account that acted; null for a feed or a job.</summary>
    public Guid? ByUserId { get; private set; }

    /// <summary>The name shown in the history (the account's display name, or the feed or job).</summary>
    public string ByName { get; private set; } = "";

    /// <summary>A reason, the evidence, the person dispatched to: what the step needs said (≤ 1000).</summary>
    public string? Comment { get; private set; }

    internal static AlarmEvent Of(Alarm alarm, AlarmAction action, AlarmStatus? from, AlarmActor by, string? comment, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = alarm.EnterpriseId,
        RegionCode = alarm.RegionCode,
        AlarmId = alarm.Id,
        Action = action,
        FromStatus = from,
        ToStatus = alarm.Status,
        At = at,
        ByUserId = by.UserId,
        ByName = by.Name,
        Comment = comment,
    };
}

/// <summary>Who moves an alarm: an account (its id and display name) or, with a null id, a feed or a job.</summary>
public sealed record AlarmActor(Guid? UserId, string Name);
