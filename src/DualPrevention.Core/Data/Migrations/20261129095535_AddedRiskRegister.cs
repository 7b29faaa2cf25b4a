using System;
using System.Collections.Generic;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedRiskRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_mapping_profile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    columns = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_mapping_profile", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_mapping_profile_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    committed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_run", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_run_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "major_hazard_source",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazard_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    r_value = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    principal_responsible_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    technical_responsible_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    operational_responsible_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_major_hazard_source", x => x.id);
                    table.ForeignKey(
                        name: "fk_major_hazard_source_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_band_table",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    method = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bands = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_band_table", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_band_table_region_region_code",
                        column: x => x.region_code,
                        principalTable: "region",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_analysis_object",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_type = table.Column<int>(type: "integer", nullable: false),
                    hazard_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    liable_person = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    major_hazard_source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_analysis_object", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_analysis_object_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_risk_analysis_object_major_hazard_source_major_hazard_sourc",
                        column: x => x.major_hazard_source_id,
                        principalTable: "major_hazard_source",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_analysis_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    liable_person = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_analysis_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_analysis_unit_risk_analysis_object_object_id",
                        column: x => x.object_id,
                        principalTable: "risk_analysis_object",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    accident_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    method = table.Column<int>(type: "integer", nullable: false),
                    l = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    s = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    e = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    c = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    score = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    band_table_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_event_risk_analysis_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "risk_analysis_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_risk_event_risk_band_table_band_table_id",
                        column: x => x.band_table_id,
                        principalTable: "risk_band_table",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "control_measure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    classify1 = table.Column<int>(type: "integer", nullable: false),
                    classify2 = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    classify3 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    data_source = table.Column<int>(type: "integer", nullable: false),
                    inspection_content = table.Column<string>(type: "text", nullable: true),
                    cycle_value = table.Column<int>(type: "integer", nullable: false),
                    cycle_unit = table.Column<int>(type: "integer", nullable: false),
                    work_start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    work_end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    work_day_type = table.Column<int>(type: "integer", nullable: false),
                    task_type = table.Column<int>(type: "integer", nullable: false),
                    baobao_item_no = table.Column<short>(type: "smallint", nullable: true),
                    control_level = table.Column<int>(type: "integer", nullable: false),
                    responsible_department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    responsible_person = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_control_measure", x => x.id);
                    table.CheckConstraint("ck_control_measure_cycle_positive", "cycle_value > 0");
                    table.ForeignKey(
                        name: "fk_control_measure_risk_events_event_id",
                        column: x => x.event_id,
                        principalTable: "risk_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<int>(type: "integer", nullable: false),
                    l = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    s = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    e = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    c = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    score = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    band_table_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessment", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_assessment_risk_band_tables_band_table_id",
                        column: x => x.band_table_id,
                        principalTable: "risk_band_table",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_risk_assessment_risk_events_event_id",
                        column: x => x.event_id,
                        principalTable: "risk_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_control_measure_enterprise_id",
                table: "control_measure",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_control_measure_event_id_description",
                table: "control_measure",
                columns: new[] { "event_id", "description" },
                unique: true,
                filter: "NOT is_deleted");

            migrationBuilder.CreateIndex(
                name: "ix_import_mapping_profile_enterprise_id_kind",
                table: "import_mapping_profile",
                columns: new[] { "enterprise_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_run_enterprise_id_committed_at",
                table: "import_run",
                columns: new[] { "enterprise_id", "committed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_major_hazard_source_enterprise_id",
                table: "major_hazard_source",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_major_hazard_source_enterprise_id_hazard_code",
                table: "major_hazard_source",
                columns: new[] { "enterprise_id", "hazard_code" },
                unique: true,
                filter: "NOT is_deleted");

            migrationBuilder.CreateIndex(
                name: "ix_risk_analysis_object_enterprise_id",
                table: "risk_analysis_object",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_analysis_object_enterprise_id_hazard_code",
                table: "risk_analysis_object",
                columns: new[] { "enterprise_id", "hazard_code" },
                unique: true,
                filter: "NOT is_deleted");

            migrationBuilder.CreateIndex(
                name: "ix_risk_analysis_object_major_hazard_source_id",
                table: "risk_analysis_object",
                column: "major_hazard_source_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_analysis_unit_enterprise_id",
                table: "risk_analysis_unit",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_analysis_unit_object_id_name",
                table: "risk_analysis_unit",
                columns: new[] { "object_id", "name" },
                unique: true,
                filter: "NOT is_deleted");

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessment_band_table_id",
                table: "risk_assessment",
                column: "band_table_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessment_enterprise_id",
                table: "risk_assessment",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessment_event_id_created_at",
                table: "risk_assessment",
                columns: new[] { "event_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_band_table_region_code_method_version",
                table: "risk_band_table",
                columns: new[] { "region_code", "method", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_event_band_table_id",
                table: "risk_event",
                column: "band_table_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_event_enterprise_id",
                table: "risk_event",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_event_unit_id_name",
                table: "risk_event",
                columns: new[] { "unit_id", "name" },
                unique: true,
                filter: "NOT is_deleted");

            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "major_hazard_source");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "risk_analysis_object");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "risk_analysis_unit");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "risk_event");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "risk_assessment");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "control_measure");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "import_mapping_profile");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "import_run");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "major_hazard_source");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "risk_analysis_object");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "risk_analysis_unit");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "risk_event");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "risk_assessment");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "control_measure");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "import_mapping_profile");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "import_run");

            migrationBuilder.DropTable(
                name: "control_measure");

            migrationBuilder.DropTable(
                name: "import_mapping_profile");

            migrationBuilder.DropTable(
                name: "import_run");

            migrationBuilder.DropTable(
                name: "risk_assessment");

            migrationBuilder.DropTable(
                name: "risk_event");

            migrationBuilder.DropTable(
                name: "risk_analysis_unit");

            migrationBuilder.DropTable(
                name: "risk_band_table");

            migrationBuilder.DropTable(
                name: "risk_analysis_object");

            migrationBuilder.DropTable(
                name: "major_hazard_source");
        }
    }
}
