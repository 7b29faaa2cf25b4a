using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluatedTenantScopeOncePerStatement : Migration
    {
        /// <summary>Every table under the tenant policy when this migration was written; <c>enterprise</c> is matched on its own id.</summary>
        private static readonly string[] TenantTables =
        [
            "control_measure", "deactivation_record", "deadline_extension_request", "escalation_record", "hidden_danger",
            "hidden_danger_history_entry", "import_mapping_profile", "import_run", "inspection_daily_statistic",
            "inspection_generation_mark", "inspection_record", "inspection_task", "inspection_task_definition",
            "major_hazard_source", "major_hidden_danger_case", "notification", "notification_delivery", "photo",
            "report_export", "risk_analysis_object", "risk_analysis_unit", "risk_assessment", "risk_event",
        ];

        private const string AuditRegion = "coalesce(region_code, (SELECT e.region_code FROM enterprise e WHERE e.id = audit_entry.enterprise_id))";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same rule, read once per statement instead of once per row (ADR 0011).
            foreach (var table in TenantTables)
            {
                Alter(migrationBuilder, table, RowLevelSecurity.TenantPredicate());
            }

            Alter(migrationBuilder, "enterprise", RowLevelSecurity.TenantPredicate("id"));
            migrationBuilder.Sql($"ALTER POLICY audit_read ON audit_entry USING ({RowLevelSecurity.TenantPredicate(regionColumn: AuditRegion)});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TenantTables)
            {
                Alter(migrationBuilder, table, "dp_scope_allows(enterprise_id, region_code)");
            }

            Alter(migrationBuilder, "enterprise", "dp_scope_allows(id, region_code)");
            migrationBuilder.Sql($"ALTER POLICY audit_read ON audit_entry USING (dp_scope_allows(enterprise_id, {AuditRegion}));");
        }

        private static void Alter(MigrationBuilder migrationBuilder, string table, string predicate) =>
            migrationBuilder.Sql($"ALTER POLICY tenant_isolation ON {table} USING ({predicate}) WITH CHECK ({predicate});");
    }
}
