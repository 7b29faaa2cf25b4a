using System.Text.Json.Serialization;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>Why an item is on a regulator's supervision list (docs/domain/dual-prevention.md#82-supervision-lists).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionReason>))]
public enum SupervisionReason
{
    /// <summary>A major hidden danger not yet closed out: on the bureau's list from the moment it is registered.</summary>
    OpenMajor = 1,

    /// <summary>挂牌督办: posted by a bureau.</summary>
    Posted = 2,

    /// <summary>An escalation step put it on this list (e.g. a general item overdue 7 days).</summary>
    Escalated = 3,

    /// <summary>The enterprise missed more inspection windows in one ISO week than the ladder allows.</summary>
    MissedWindows = 4,
}
