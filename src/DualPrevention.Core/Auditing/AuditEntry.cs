using System.Text.Json;

namespace DualPrevention.Core.Auditing;

/// <summary>
/// One change to a domain row: who, when (UTC), what, and the row before and after as JSON objects of the
/// changed columns' values. Append-only: the application's database role may not update or delete it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Time-ordered (UUID v7) and made by the client, so inserts need no RETURNING: row-level security would
    /// apply the read policy to a returned row, and a failed sign-in is written before anyone may read the trail.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? UserId { get; init; }

    public string UserName { get; init; } = "";

    /// <summary>The enterprise the row belongs to, for tenancy; null for reference data.</summary>
    public Guid? EnterpriseId { get; init; }

    /// <summary>The region the row belongs to, for tenancy; null for reference data of no region.</summary>
    public string? RegionCode { get; init; }

    /// <summary>CLR type name, e.g. "Enterprise".</summary>
    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    public AuditAction Action { get; init; }

    public JsonDocument? Before { get; init; }

    public JsonDocument? After { get; init; }

    /// <summary>The request's correlation id, when there was a request.</summary>
    public string? CorrelationId { get; init; }
}
