using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// 包保 tasks go to their responsible person (docs/domain/dual-prevention.md#510-accountability-tasks): a principal,
/// technical or operational task definition of a unit under an analysis object linked to a major hazard source is
/// assigned to the source's person of that role. One statement per call.
/// </summary>
internal static class AccountabilityAssignment
{
    /// <summary>
    /// A source, its persons or its linked objects changed: each person gets their <see cref="AccountabilityTaskList"/>
    /// (<see cref="AccountabilityTaskSync"/>, ADR 0031), and every 包保 definition under the source goes to the person of its
    /// role, replacing whoever had it, with its windows not yet judged (planned or open). A role without a person keeps
    /// its assignee.
    /// </summary>
    public static async Task FollowSourceAsync(DualPreventionDbContext db, Guid sourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await AccountabilityTaskSync.SyncSourceAsync(db, sourceId, now, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            Statement("p.source_id = @source_id"), [new NpgsqlParameter("source_id", sourceId), new NpgsqlParameter("now", now)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(MoveUnjudgedWindows, [new NpgsqlParameter("source_id", sourceId)], cancellationToken);
    }

    /// <summary>
    /// Generation made or changed definitions: the 包保 ones nobody is assigned yet go to the person of their role, so a
    /// safety officer's own choice stays.
    /// </summary>
    public static Task<int> AssignUnassignedAsync(DualPreventionDbContext db, Guid[] enterpriseIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            Statement("d.enterprise_id = ANY(@enterprise_ids) AND d.assignee_user_id IS NULL AND d.assignee_post IS NULL"),
            [new NpgsqlParameter("enterprise_ids", enterpriseIds), new NpgsqlParameter("now", now)], cancellationToken);

    /// <summary>
    /// The planned and open windows (status 0 待开始 and 1 进行中, the codes of Inspections' task status, which Risks may not
    /// name) of the source's 包保 definitions follow their definition's assignee.
    /// </summary>
    private static readonly string MoveUnjudgedWindows = $"""
        UPDATE inspection_task t
        SET assignee_user_id = d.assignee_user_id, assignee_post = d.assignee_post
        FROM inspection_task_definition d
        JOIN risk_analysis_unit u ON u.id = d.unit_id
        JOIN risk_analysis_object o ON o.id = u.object_id
        WHERE t.definition_id = d.id AND o.major_hazard_source_id = @source_id AND NOT d.is_deleted
          AND d.task_type <> {(int)InspectionTaskType.Routine}
          AND t.status IN (0, 1)
          AND (t.assignee_user_id IS DISTINCT FROM d.assignee_user_id OR t.assignee_post IS DISTINCT FROM d.assignee_post)
        """;

    private static string Statement(string condition) => $"""
        UPDATE inspection_task_definition d
        SET assignee_user_id = p.person_id, assignee_post = NULL, updated_at = @now
        FROM (
            SELECT m.id AS source_id, u.id AS unit_id, r.task_type, r.person_id
            FROM major_hazard_source m
            JOIN risk_analysis_object o ON o.major_hazard_source_id = m.id AND NOT o.is_deleted
            JOIN risk_analysis_unit u ON u.object_id = o.id AND NOT u.is_deleted
            CROSS JOIN LATERAL (VALUES
                ({(int)InspectionTaskType.PrincipalResponsible}, m.principal_responsible_user_id),
                ({(int)InspectionTaskType.TechnicalResponsible}, m.technical_responsible_user_id),
                ({(int)InspectionTaskType.OperationalResponsible}, m.operational_responsible_user_id)) AS r(task_type, person_id)
            WHERE NOT m.is_deleted AND r.person_id IS NOT NULL) p
        WHERE d.unit_id = p.unit_id AND d.task_type = p.task_type AND NOT d.is_deleted
          AND d.assignee_user_id IS DISTINCT FROM p.person_id AND {condition}
        """;
}
