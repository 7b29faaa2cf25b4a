using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedVideoAlarmEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "video_alarm_evidence",
                columns: table => new
                {
                    alarm_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    camera_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_set = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    algorithm = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: true),
                    boxes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    snapshot_photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    snapshot_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    clip_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    keep_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_video_alarm_evidence", x => x.alarm_id);
                    table.ForeignKey(
                        name: "fk_video_alarm_evidence_alarm_alarm_id",
                        column: x => x.alarm_id,
                        principalTable: "alarm",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_video_alarm_evidence_camera_camera_id",
                        column: x => x.camera_id,
                        principalTable: "camera",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_video_alarm_evidence_photos_snapshot_photo_id",
                        column: x => x.snapshot_photo_id,
                        principalTable: "photo",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "video_alarm_refusal_count",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    last_refused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_video_alarm_refusal_count", x => new { x.enterprise_id, x.day, x.reason });
                });

            migrationBuilder.CreateIndex(
                name: "ix_video_alarm_evidence_camera_id_received_at",
                table: "video_alarm_evidence",
                columns: new[] { "camera_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_video_alarm_evidence_enterprise_id_received_at",
                table: "video_alarm_evidence",
                columns: new[] { "enterprise_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_video_alarm_evidence_keep_until_with_snapshot",
                table: "video_alarm_evidence",
                column: "keep_until",
                filter: "snapshot_photo_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_video_alarm_evidence_snapshot_photo_id",
                table: "video_alarm_evidence",
                column: "snapshot_photo_id");

            // Tenancy twice (ADR 0002/0012): the query filter and these policies.
            migrationBuilder.Sql(
                """
                ALTER TABLE video_alarm_evidence ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON video_alarm_evidence
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
                ALTER TABLE video_alarm_refusal_count ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON video_alarm_refusal_count
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

            // Numbers within their ranges (ADR 0024): VideoAlarmLimits and VideoAlarmRejection; a count only grows from one.
            migrationBuilder.Sql(
                """
                ALTER TABLE video_alarm_evidence ADD CONSTRAINT ck_video_alarm_evidence_confidence_in_range CHECK (confidence >= 0 AND confidence <= 1);
                ALTER TABLE video_alarm_refusal_count ADD CONSTRAINT ck_video_alarm_refusal_count_reason_in_range CHECK (reason >= 1 AND reason <= 10);
                ALTER TABLE video_alarm_refusal_count ADD CONSTRAINT ck_video_alarm_refusal_count_count_in_range CHECK (count >= 1 AND count <= 1000000000000000);
                """);

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE video_alarm_evidence ADD CONSTRAINT ck_video_alarm_evidence_received_at_in_world CHECK (received_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND received_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE video_alarm_evidence ADD CONSTRAINT ck_video_alarm_evidence_keep_until_in_world CHECK (keep_until >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND keep_until < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE video_alarm_refusal_count ADD CONSTRAINT ck_video_alarm_refusal_count_last_refused_at_in_world CHECK (last_refused_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_refused_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE video_alarm_refusal_count ADD CONSTRAINT ck_video_alarm_refusal_count_day_in_world CHECK (day >= DATE '2000-01-01' AND day <= DATE '2100-12-31');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "video_alarm_evidence");

            migrationBuilder.DropTable(
                name: "video_alarm_refusal_count");
        }
    }
}
