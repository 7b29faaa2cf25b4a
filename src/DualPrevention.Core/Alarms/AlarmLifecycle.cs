using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// The transitions of docs/domain/alarms.md#1-states (ADR 0037). Each refuses an illegal start state with a
/// <see cref="DomainRuleException"/> a user can read and returns the event row the caller saves with it. Nothing here
/// closes an alarm by itself: every outcome is someone's decision.
/// </summary>
public sealed partial class Alarm
{
    /// <summary>The states each action may start from.</summary>
    public static readonly IReadOnlyDictionary<AlarmAction, AlarmStatus[]> AllowedFrom = new Dictionary<AlarmAction, AlarmStatus[]>
    {
        [AlarmAction.Merged] = [AlarmStatus.New],
        [AlarmAction.Confirmed] = [AlarmStatus.New],
        [AlarmAction.MarkedFalse] = [AlarmStatus.New, AlarmStatus.Confirmed],
        [AlarmAction.Dispatched] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
        [AlarmAction.Resolved] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
        [AlarmAction.ConvertedToHiddenDanger] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
    };

    /// <summary>A new alarm from a feed; it must be confirmed within <paramref name="confirmWithin"/>.</summary>
    public static (Alarm Alarm, AlarmEvent Event) Raise(
        Guid enterpriseId, string regionCode, RaisedAlarm raised, TimeSpan confirmWithin, DateTimeOffset now)
    {
        var alarm = new Alarm
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Source = raised.Source,
            SourceEventId = raised.SourceEventId.Trim(),
            Category = raised.Category.Trim(),
            Severity = raised.Severity,
            ZoneId = raised.ZoneId,
            SitePlanId = raised.SitePlanId,
            DeviceId = raised.DeviceId,
            PersonId = raised.PersonId,
            OccurredAt = raised.OccurredAt,
            LastOccurredAt = raised.OccurredAt,
            RaisedAt = now,
            Summary = raised.Summary.Trim(),
            Status = AlarmStatus.New,
            ConfirmDueAt = now + confirmWithin,
        };
        return (alarm, AlarmEvent.Of(alarm, AlarmAction.Raised, null, new AlarmActor(null, raised.Source.ToString()), null, now));
    }

    /// <summary>Whether <paramref name="other"/> is the same thing happening again: same source, category and subject.</summary>
    public bool IsSameSubjectAs(Alarm other) =>
        Source == other.Source
        && string.Equals(Category, other.Category, StringComparison.OrdinalIgnoreCase)
        && ZoneId == other.ZoneId && PersonId == other.PersonId && DeviceId == other.DeviceId;

    /// <summary>New → merged into <paramref name="open"/>, which counts one occurrence more.</summary>
    /// <exception cref="DomainRuleException">Not new, <paramref name="open"/> is closed, or another subject.</exception>
    public AlarmEvent MergeInto(Alarm open, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.Merged);
        if (!open.IsOpen || open.Id == Id || open.EnterpriseId != EnterpriseId || !IsSameSubjectAs(open))
        {
            throw new DomainRuleException(CoreText.Get("Alarm.MergeTargetNotOpen"));
        }

        open.MergedCount++;
        if (OccurredAt > open.LastOccurredAt)
        {
            open.LastOccurredAt = OccurredAt;
        }

        MergedIntoId = open.Id;
        ClosedAt = now;
        return Move(AlarmStatus.Merged, AlarmAction.Merged, from, new AlarmActor(null, Source.ToString()), null, now);
    }

    /// <summary>New → confirmed: someone on duty saw it is real.</summary>
    public AlarmEvent Confirm(AlarmActor by, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.Confirmed);
        ReviewedAt = now;
        return Move(AlarmStatus.Confirmed, AlarmAction.Confirmed, from, by, null, now);
    }

    /// <summary>New or confirmed → false alarm, with a reason; <see cref="Alarms.FalseAlarmReason.Other"/> needs a note.</summary>
    public AlarmEvent MarkFalse(FalseAlarmReason reason, string? note, AlarmActor by, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.MarkedFalse);
        var text = Blank(note);
        if (reason == Alarms.FalseAlarmReason.Other && text is null)
        {
            throw new DomainRuleException(CoreText.Get("Alarm.FalseAlarmNoteRequired"));
        }

        FalseAlarmReason = reason;
        Disposition = text;
        ReviewedAt ??= now;
        ClosedAt = now;
        return Move(AlarmStatus.FalseAlarm, AlarmAction.MarkedFalse, from, by, text ?? reason.ToString(), now);
    }

    /// <summary>Confirmed (or dispatched, to hand it on) → dispatched to <paramref name="to"/>, to be resolved by <paramref name="deadline"/>.</summary>
    public AlarmEvent Dispatch(AlarmActor to, DateTimeOffset deadline, AlarmActor by, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.Dispatched);
        if (to.UserId is null)
        {
            throw new DomainRuleException(CoreText.Get("Alarm.DispatchNeedsPerson"));
        }

        if (deadline <= now)
        {
            throw new DomainRuleException(CoreText.Get("Alarm.DispatchDeadlinePassed"));
        }

        DispatchedToUserId = to.UserId;
        DispatchedToName = to.Name;
        DispatchDeadline = deadline;
        return Move(AlarmStatus.Dispatched, AlarmAction.Dispatched, from, by, to.Name, now);
    }

    /// <summary>Confirmed or dispatched → resolved, with the evidence: what was done, and a photo if one was taken.</summary>
    public AlarmEvent Resolve(string evidence, Guid? photoId, AlarmActor by, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.Resolved);
        var text = Blank(evidence) ?? throw new DomainRuleException(CoreText.Get("Alarm.EvidenceRequired"));
        Disposition = text;
        EvidencePhotoId = photoId;
        ClosedAt = now;
        return Move(AlarmStatus.Resolved, AlarmAction.Resolved, from, by, text, now);
    }

    /// <summary>Confirmed or dispatched → converted: <paramref name="hiddenDangerId"/> was opened from it and links back here.</summary>
    public AlarmEvent ConvertToHiddenDanger(Guid hiddenDangerId, AlarmActor by, DateTimeOffset now)
    {
        var from = Begin(AlarmAction.ConvertedToHiddenDanger);
        HiddenDangerId = hiddenDangerId;
        ClosedAt = now;
        return Move(AlarmStatus.ConvertedToHiddenDanger, AlarmAction.ConvertedToHiddenDanger, from, by, null, now);
    }

    private AlarmStatus Begin(AlarmAction action) =>
        Array.IndexOf(AllowedFrom[action], Status) >= 0
            ? Status
            : throw new DomainRuleException(CoreText.Get("Alarm.NotAllowedInStatus", CoreText.Get($"AlarmStatus.{Status}")));

    private AlarmEvent Move(AlarmStatus to, AlarmAction action, AlarmStatus from, AlarmActor by, string? comment, DateTimeOffset now)
    {
        Status = to;
        return AlarmEvent.Of(this, action, from, by, comment, now);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
