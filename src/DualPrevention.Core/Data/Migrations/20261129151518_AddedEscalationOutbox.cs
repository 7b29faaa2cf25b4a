using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedEscalationOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_escalation_record_enterprise_id",
                table: "escalation_record");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notified_at",
                table: "escalation_record",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "trigger",
                table: "escalation_record",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Records written before the outbox were notified in the statement that fired them: mark them so, and
            // take their trigger from the ladder's step of that code (the city's override first).
            migrationBuilder.Sql(
                """
                UPDATE escalation_record r
                SET notified_at = r.fired_at,
                    trigger = CASE WHEN r.subject = 2 THEN 5 ELSE coalesce(
                      (SELECT x.trigger FROM escalation_rule x
                       WHERE x.step_code = r.step_code AND x.region_code IN (left(r.region_code, 4) || '00', left(r.region_code, 2) || '0000')
                       ORDER BY x.region_code DESC LIMIT 1), 2) END;
                ALTER TABLE escalation_record ALTER COLUMN trigger DROP DEFAULT;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_missed_window_end",
                table: "inspection_task",
                column: "window_end",
                filter: "status = 3")
                .Annotation("Npgsql:IndexInclude", new[] { "enterprise_id", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_pending",
                table: "escalation_record",
                column: "fired_at",
                filter: "notified_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inspection_task_missed_window_end",
                table: "inspection_task");

            migrationBuilder.DropIndex(
                name: "ix_escalation_record_pending",
                table: "escalation_record");

            migrationBuilder.DropColumn(
                name: "notified_at",
                table: "escalation_record");

            migrationBuilder.DropColumn(
                name: "trigger",
                table: "escalation_record");

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_enterprise_id",
                table: "escalation_record",
                column: "enterprise_id");
        }
    }
}
