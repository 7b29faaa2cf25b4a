using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenedPlatformAuditEntriesToTheProvince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The platform's own audit rows belong to no enterprise and no region: sign-ins, failures, throttles and
            // lockouts of names no account has (and throttles of any name, written before the account is looked up).
            // Only the system scope could read them, so the platform administrator never saw an attack by unknown
            // names. A province-level region scope now reads them too (ADR 0017); cities, counties and enterprises do not.
            migrationBuilder.Sql(
                """
                DROP POLICY audit_read ON audit_entry;
                CREATE POLICY audit_read ON audit_entry FOR SELECT
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(coalesce(region_code, (SELECT e.region_code FROM enterprise e WHERE e.id = audit_entry.enterprise_id)),
                                   (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                    WHERE current_setting('app.scope_kind', true) = 'region'
                                      AND current_setting('app.region_code', true) ~ '^[0-9]{6}$'))
                    OR (enterprise_id IS NULL AND region_code IS NULL
                        AND (SELECT current_setting('app.scope_kind', true) = 'region'
                                    AND current_setting('app.region_code', true) ~ '^[0-9]{2}0000$')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP POLICY audit_read ON audit_entry;
                CREATE POLICY audit_read ON audit_entry FOR SELECT
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(coalesce(region_code, (SELECT e.region_code FROM enterprise e WHERE e.id = audit_entry.enterprise_id)),
                                   (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                    WHERE current_setting('app.scope_kind', true) = 'region'
                                      AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);
        }
    }
}
