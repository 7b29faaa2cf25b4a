using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedAlarmCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alarm",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    source_event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<Guid>(type: "uuid", nullable: true),
                    site_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_count = table.Column<int>(type: "integer", nullable: false),
                    confirm_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    false_alarm_reason = table.Column<int>(type: "integer", nullable: true),
                    disposition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    dispatched_to_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dispatched_to_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dispatch_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evidence_photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alarm", x => x.id);
                    table.ForeignKey(
                        name: "fk_alarm_hidden_dangers_hidden_danger_id",
                        column: x => x.hidden_danger_id,
                        principalTable: "hidden_danger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "alarm_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    alarm_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<int>(type: "integer", nullable: true),
                    to_status = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alarm_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_alarm_event_alarm_alarm_id",
                        column: x => x.alarm_id,
                        principalTable: "alarm",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alarm_confirm_due_at_new",
                table: "alarm",
                column: "confirm_due_at",
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_alarm_enterprise_id_raised_at_open",
                table: "alarm",
                columns: new[] { "enterprise_id", "raised_at" },
                filter: "status IN (1, 3, 5)");

            migrationBuilder.CreateIndex(
                name: "ix_alarm_enterprise_id_source_source_event_id",
                table: "alarm",
                columns: new[] { "enterprise_id", "source", "source_event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alarm_hidden_danger_id",
                table: "alarm",
                column: "hidden_danger_id",
                unique: true,
                filter: "hidden_danger_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alarm_event_alarm_id_at",
                table: "alarm_event",
                columns: new[] { "alarm_id", "at" });

            // Tenancy twice (ADR 0012, the Baseline's predicate copied): alarms and their history carry the enterprise.
            migrationBuilder.Sql(
                """
                ALTER TABLE alarm ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON alarm
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                ALTER TABLE alarm_event ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON alarm_event
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);

            // Numbers within their ranges (ADR 0024): the enums' values, the escalation steps (ADR 0037).
            migrationBuilder.Sql(
                """
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_source_in_range CHECK (source >= 1 AND source <= 4);
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_severity_in_range CHECK (severity >= 1 AND severity <= 3);
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_status_in_range CHECK (status >= 1 AND status <= 7);
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_false_alarm_reason_in_range CHECK (false_alarm_reason >= 1 AND false_alarm_reason <= 4);
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_merged_count_in_range CHECK (merged_count >= 0 AND merged_count <= 2147483647);
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_escalation_level_in_range CHECK (escalation_level >= 0 AND escalation_level <= 2);
                ALTER TABLE alarm_event ADD CONSTRAINT ck_alarm_event_action_in_range CHECK (action >= 1 AND action <= 8);
                ALTER TABLE alarm_event ADD CONSTRAINT ck_alarm_event_from_status_in_range CHECK (from_status >= 1 AND from_status <= 7);
                ALTER TABLE alarm_event ADD CONSTRAINT ck_alarm_event_to_status_in_range CHECK (to_status >= 1 AND to_status <= 7);
                """);

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_occurred_at_in_world CHECK (occurred_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND occurred_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_raised_at_in_world CHECK (raised_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND raised_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_last_occurred_at_in_world CHECK (last_occurred_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_occurred_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_confirm_due_at_in_world CHECK (confirm_due_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND confirm_due_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_escalated_at_in_world CHECK (escalated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND escalated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_reviewed_at_in_world CHECK (reviewed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND reviewed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_closed_at_in_world CHECK (closed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND closed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm ADD CONSTRAINT ck_alarm_dispatch_deadline_in_world CHECK (dispatch_deadline >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND dispatch_deadline < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE alarm_event ADD CONSTRAINT ck_alarm_event_at_in_world CHECK (at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);

            // The history is the audit trail (ADR 0037): a row once written is never changed. Deleting stays possible, so
            // an enterprise's removal cascades.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION alarm_event_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'alarm_event rows are never changed' USING ERRCODE = 'P0001';
                END
                $$;
                CREATE TRIGGER alarm_event_is_immutable BEFORE UPDATE ON alarm_event
                  FOR EACH ROW EXECUTE FUNCTION alarm_event_is_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarm_event");

            migrationBuilder.Sql("DROP FUNCTION alarm_event_is_immutable();");

            migrationBuilder.DropTable(
                name: "alarm");
        }
    }
}
