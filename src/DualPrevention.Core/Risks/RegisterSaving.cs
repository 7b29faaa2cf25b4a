using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Risks;

/// <summary>Saves register changes, turning a clash of natural keys among live rows into a message for the user.</summary>
internal static class RegisterSaving
{
    /// <summary>The partial unique indexes (<c>WHERE NOT is_deleted</c>) that carry the register's natural keys.</summary>
    private static readonly HashSet<string> NaturalKeys = new(StringComparer.Ordinal)
    {
        "ix_risk_analysis_object_enterprise_id_hazard_code",
        "ix_risk_analysis_unit_object_id_name",
        "ix_risk_event_unit_id_name",
        "ix_control_measure_event_id_description",
        "ix_major_hazard_source_enterprise_id_hazard_code",
    };

    /// <param name="key">The natural key as the user typed it (code, name or description), named in the message.</param>
    /// <exception cref="DomainRuleException">A live row with the same natural key exists.</exception>
    public static async Task SaveAsync(DualPreventionDbContext db, string key, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                           && NaturalKeys.Contains(unique.ConstraintName ?? ""))
        {
            throw new DomainRuleException(CoreText.Get("Risk.Duplicate", key.Trim()), ex);
        }
    }
}
