using System;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedComplianceStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspection_daily_statistic",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    task_type = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    due = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    late = table.Column<int>(type: "integer", nullable: false),
                    missed = table.Column<int>(type: "integer", nullable: false),
                    open = table.Column<int>(type: "integer", nullable: false),
                    suspended = table.Column<int>(type: "integer", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_daily_statistic", x => new { x.enterprise_id, x.day, x.task_type });
                });

            migrationBuilder.CreateTable(
                name: "report_export",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    period_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    rows_written = table.Column<int>(type: "integer", nullable: false),
                    rows_total = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stored_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_monthly_archive = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_export", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_refresh_mark",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ran_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics_refresh_mark", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_record_created_at",
                table: "inspection_record",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_daily_statistic_region_code_day",
                table: "inspection_daily_statistic",
                columns: new[] { "region_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_report_export_region_code_created_at",
                table: "report_export",
                columns: new[] { "region_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_report_export_monthly_archive",
                table: "report_export",
                columns: new[] { "region_code", "period_code", "format" },
                unique: true,
                filter: "is_monthly_archive");

            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "inspection_daily_statistic");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "report_export");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "report_export");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "inspection_daily_statistic");

            migrationBuilder.DropTable(
                name: "inspection_daily_statistic");

            migrationBuilder.DropTable(
                name: "report_export");

            migrationBuilder.DropTable(
                name: "statistics_refresh_mark");

            migrationBuilder.DropIndex(
                name: "ix_inspection_record_created_at",
                table: "inspection_record");
        }
    }
}
