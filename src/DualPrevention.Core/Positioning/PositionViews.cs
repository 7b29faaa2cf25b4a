using System.Text.Json;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Data;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Writes a view of persons' positions to the audit trail as <see cref="AuditAction.PositionsViewed"/>
/// (docs/domain/positioning.md#45-retention-and-privacy: access to positions is logged; ADR 0041). The caller saves.
/// </summary>
internal static class PositionViews
{
    /// <summary>Who looked, at what (<paramref name="entityType"/> and id) and what they were shown (<paramref name="shown"/>).</summary>
    public static void Audit(
        DualPreventionDbContext db, Actor actor, Guid enterpriseId, string regionCode, string entityType, Guid entityId, object shown, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.Scope.UserId,
            UserName = actor.Scope.UserName ?? "",
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            Action = AuditAction.PositionsViewed,
            After = JsonSerializer.SerializeToDocument(shown),
            CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });
}
