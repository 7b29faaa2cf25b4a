using System;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedInspectionTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "baobao_item_no",
                table: "control_measure",
                newName: "accountability_item_no");

            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "app_user",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "post",
                table: "app_user",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deactivation_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stop_start_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stop_end_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deactivation_record", x => x.id);
                    table.CheckConstraint("ck_deactivation_record_period", "stop_end_at > stop_start_at");
                    table.ForeignKey(
                        name: "fk_deactivation_record_risk_analysis_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "risk_analysis_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hidden_danger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hidden_danger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "holiday_calendar_day",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_calendar_day", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "inspection_task_definition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    cycle_value = table.Column<int>(type: "integer", nullable: false),
                    cycle_unit = table.Column<int>(type: "integer", nullable: false),
                    first_start_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    work_start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    work_end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    work_day_type = table.Column<int>(type: "integer", nullable: false),
                    task_type = table.Column<int>(type: "integer", nullable: false),
                    accountability_item_no = table.Column<short>(type: "smallint", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    responsible_department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_post = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_task_definition", x => x.id);
                    table.CheckConstraint("ck_inspection_task_definition_cycle_positive", "cycle_value > 0");
                    table.CheckConstraint("ck_inspection_task_definition_one_assignee", "assignee_user_id IS NULL OR assignee_post IS NULL");
                    table.ForeignKey(
                        name: "fk_inspection_task_definition_control_measures_measure_id",
                        column: x => x.measure_id,
                        principalTable: "control_measure",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inspection_task_definition_risk_analysis_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "risk_analysis_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "photo",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: true),
                    storage_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photo", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_task",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_type = table.Column<int>(type: "integer", nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_post = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_task", x => x.id);
                    table.CheckConstraint("ck_inspection_task_window", "window_end > window_start");
                    table.ForeignKey(
                        name: "fk_inspection_task_inspection_task_definitions_definition_id",
                        column: x => x.definition_id,
                        principalTable: "inspection_task_definition",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    result = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    device_imei = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    is_accountability_task = table.Column<bool>(type: "boolean", nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    location_accuracy_metres = table.Column<double>(type: "double precision", nullable: true),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_record_inspection_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "inspection_task",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deactivation_record_enterprise_id",
                table: "deactivation_record",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_deactivation_record_unit_id_stop_start_at",
                table: "deactivation_record",
                columns: new[] { "unit_id", "stop_start_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id",
                table: "hidden_danger",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id_state",
                table: "hidden_danger",
                columns: new[] { "enterprise_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_record_id",
                table: "hidden_danger",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_record_enterprise_id_checked_at",
                table: "inspection_record",
                columns: new[] { "enterprise_id", "checked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_record_enterprise_id_submission_id",
                table: "inspection_record",
                columns: new[] { "enterprise_id", "submission_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_record_task_id",
                table: "inspection_record",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_definition_id_window_start",
                table: "inspection_task",
                columns: new[] { "definition_id", "window_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_enterprise_id_window_start",
                table: "inspection_task",
                columns: new[] { "enterprise_id", "window_start" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_unfinished_window_end",
                table: "inspection_task",
                column: "window_end",
                filter: "status IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_unit_id_window_start",
                table: "inspection_task",
                columns: new[] { "unit_id", "window_start" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_definition_enterprise_id",
                table: "inspection_task_definition",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_definition_measure_id",
                table: "inspection_task_definition",
                column: "measure_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_task_definition_unit_id",
                table: "inspection_task_definition",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_photo_enterprise_id",
                table: "photo",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_photo_hidden_danger_id",
                table: "photo",
                column: "hidden_danger_id");

            migrationBuilder.CreateIndex(
                name: "ix_photo_record_id",
                table: "photo",
                column: "record_id");

            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "deactivation_record");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "inspection_task_definition");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "inspection_task");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "inspection_record");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "photo");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "hidden_danger");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "deactivation_record");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "inspection_task_definition");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "inspection_task");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "inspection_record");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "photo");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "hidden_danger");

            migrationBuilder.DropTable(
                name: "deactivation_record");

            migrationBuilder.DropTable(
                name: "hidden_danger");

            migrationBuilder.DropTable(
                name: "holiday_calendar_day");

            migrationBuilder.DropTable(
                name: "inspection_record");

            migrationBuilder.DropTable(
                name: "photo");

            migrationBuilder.DropTable(
                name: "inspection_task");

            migrationBuilder.DropTable(
                name: "inspection_task_definition");

            migrationBuilder.DropColumn(
                name: "department",
                table: "app_user");

            migrationBuilder.DropColumn(
                name: "post",
                table: "app_user");

            migrationBuilder.RenameColumn(
                name: "accountability_item_no",
                table: "control_measure",
                newName: "baobao_item_no");
        }
    }
}
