using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedGroupRobots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_robot",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    protected_webhook = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    webhook_hint = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    protected_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    secret_hint = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    template_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_robot", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "group_robot_delivery",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    robot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    event_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    template_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    arguments = table.Column<string>(type: "jsonb", nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_robot_delivery", x => x.id);
                    table.ForeignKey(
                        name: "fk_group_robot_delivery_group_robot_robot_id",
                        column: x => x.robot_id,
                        principalTable: "group_robot",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_group_robot_enterprise_id_region_code",
                table: "group_robot",
                columns: new[] { "enterprise_id", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_group_robot_delivery_pending",
                table: "group_robot_delivery",
                column: "next_attempt_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_group_robot_delivery_robot_id_event_key",
                table: "group_robot_delivery",
                columns: new[] { "robot_id", "event_key" },
                unique: true);

            // Tenancy twice (ADR 0012, the Baseline's predicate copied): a robot carries its enterprise (none for a
            // bureau's) and region, a post the enterprise and county of the event it tells.
            migrationBuilder.Sql(
                """
                ALTER TABLE group_robot ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON group_robot
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
                ALTER TABLE group_robot_delivery ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON group_robot_delivery
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

            // Instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE group_robot ADD CONSTRAINT ck_group_robot_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE group_robot ADD CONSTRAINT ck_group_robot_last_attempt_at_in_world CHECK (last_attempt_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_attempt_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE group_robot_delivery ADD CONSTRAINT ck_group_robot_delivery_next_attempt_at_in_world CHECK (next_attempt_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND next_attempt_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE group_robot_delivery ADD CONSTRAINT ck_group_robot_delivery_delivered_at_in_world CHECK (delivered_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND delivered_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE group_robot_delivery ADD CONSTRAINT ck_group_robot_delivery_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);

            // Numbers within their ranges (ADR 0024): counters not negative, enumerations within their defined values.
            migrationBuilder.Sql(
                """
                ALTER TABLE group_robot ADD CONSTRAINT ck_group_robot_consecutive_failures_in_range CHECK (consecutive_failures >= 0);
                ALTER TABLE group_robot ADD CONSTRAINT ck_group_robot_kind_in_range CHECK (kind BETWEEN 1 AND 2);
                ALTER TABLE group_robot_delivery ADD CONSTRAINT ck_group_robot_delivery_attempts_in_range CHECK (attempts >= 0);
                ALTER TABLE group_robot_delivery ADD CONSTRAINT ck_group_robot_delivery_status_in_range CHECK (status BETWEEN 0 AND 2);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_robot_delivery");

            migrationBuilder.DropTable(
                name: "group_robot");
        }
    }
}
