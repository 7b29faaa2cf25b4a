using System.Diagnostics;
using System.Text.Json;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAudited"/> row, in the
/// same transaction as the change itself, so a change is never saved without its audit entry.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Columns whose values never enter the audit trail; a change to them is recorded as "(changed)".</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "ProtectedWebhook", "ProtectedSecret" };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is not DualPreventionDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var scope = db.Scope;
        var now = clock.GetUtcNow();
        var correlationId = Activity.Current?.TraceId.ToString();
        var entries = db.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var (enterpriseId, regionCode) = entry.Entity.AuditOwner();
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = scope.UserId,
                UserName = scope.UserName ?? "",
                EnterpriseId = enterpriseId,
                RegionCode = regionCode,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Action = action,
                Before = action == AuditAction.Insert ? null : Snapshot(entry, original: true),
                After = action == AuditAction.Delete ? null : Snapshot(entry, original: false),
                CorrelationId = correlationId,
            });
        }
    }

    private static JsonDocument Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsConcurrencyToken)
            {
                continue;
            }

            // An update records only what changed; an insert or delete records the whole row.
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            var value = original ? property.OriginalValue : property.CurrentValue;
            values[property.Metadata.Name] = Secrets.Contains(property.Metadata.Name) ? "(changed)"

                // A zone's outline as its well-known text (ADR 0029): a geometry object does not serialise.
                : value is Geometry geometry ? geometry.AsText() : value;
        }

        return JsonSerializer.SerializeToDocument(values);
    }
}
