using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedMajorHazardIdentification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "population500m",
                table: "major_hazard_source",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "unit_type",
                table: "major_hazard_source",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hazardous_chemical",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    table_row = table.Column<int>(type: "integer", nullable: true),
                    cas = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hazard_class_symbols = table.Column<string[]>(type: "text[]", nullable: false),
                    threshold_quantity = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: true),
                    named_beta = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazardous_chemical", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "major_hazard_calculation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    major_hazard_source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    unit_type = table.Column<int>(type: "integer", nullable: true),
                    population500m = table.Column<int>(type: "integer", nullable: false),
                    alpha = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    beta_choice = table.Column<int>(type: "integer", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    s_value = table.Column<decimal>(type: "numeric", nullable: false),
                    is_major_hazard = table.Column<bool>(type: "boolean", nullable: false),
                    r_value = table.Column<decimal>(type: "numeric", nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    calculated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    calculated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    calculated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_major_hazard_calculation", x => x.id);
                    table.ForeignKey(
                        name: "fk_major_hazard_calculation_major_hazard_sources_major_hazard_",
                        column: x => x.major_hazard_source_id,
                        principalTable: "major_hazard_source",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "major_hazard_substance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    major_hazard_source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    chemical_id = table.Column<Guid>(type: "uuid", nullable: false),
                    design_max_quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    beta_class = table.Column<int>(type: "integer", nullable: true),
                    mixture_class_symbols = table.Column<string[]>(type: "text[]", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_major_hazard_substance", x => x.id);
                    table.ForeignKey(
                        name: "fk_major_hazard_substance_hazardous_chemical_chemical_id",
                        column: x => x.chemical_id,
                        principalTable: "hazardous_chemical",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_major_hazard_substance_major_hazard_sources_major_hazard_so",
                        column: x => x.major_hazard_source_id,
                        principalTable: "major_hazard_source",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hazardous_chemical_enterprise_id_name_zh",
                table: "hazardous_chemical",
                columns: new[] { "enterprise_id", "name_zh" },
                unique: true,
                filter: "enterprise_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hazardous_chemical_table_row",
                table: "hazardous_chemical",
                column: "table_row",
                unique: true,
                filter: "table_row IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_major_hazard_calculation_major_hazard_source_id_calculated_",
                table: "major_hazard_calculation",
                columns: new[] { "major_hazard_source_id", "calculated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_major_hazard_substance_chemical_id",
                table: "major_hazard_substance",
                column: "chemical_id");

            migrationBuilder.CreateIndex(
                name: "ix_major_hazard_substance_major_hazard_source_id_seq",
                table: "major_hazard_substance",
                columns: new[] { "major_hazard_source_id", "seq" },
                unique: true);

            // Tenancy twice (ADR 0002/0012): the baseline's predicate, copied, on every enterprise-owned table. The
            // catalogue's seeded Table 1 rows (no enterprise) are every tenant's to read and only the system's to write:
            // a second, read-only policy lets them be seen; writing passes tenant_isolation alone (ADR 0047).
            migrationBuilder.Sql(
                """
                ALTER TABLE major_hazard_substance ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON major_hazard_substance
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
                ALTER TABLE major_hazard_calculation ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON major_hazard_calculation
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
                ALTER TABLE hazardous_chemical ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON hazardous_chemical
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
                CREATE POLICY shared_catalogue ON hazardous_chemical FOR SELECT
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system') OR enterprise_id IS NULL);
                """);

            // Dates within the world (ADR 0016) and numbers within their ranges (ADR 0024).
            migrationBuilder.Sql(
                """
                ALTER TABLE hazardous_chemical ADD CONSTRAINT ck_hazardous_chemical_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_calculated_at_in_world CHECK (calculated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND calculated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_unit_type_in_range CHECK (unit_type >= 1 AND unit_type <= 2);
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_population500m_in_range CHECK (population500m >= 0 AND population500m <= 10000000);
                ALTER TABLE hazardous_chemical ADD CONSTRAINT ck_hazardous_chemical_table_row_in_range CHECK (table_row >= 1 AND table_row <= 85);
                ALTER TABLE hazardous_chemical ADD CONSTRAINT ck_hazardous_chemical_threshold_quantity_in_range CHECK (threshold_quantity > 0 AND threshold_quantity <= 10000);
                ALTER TABLE hazardous_chemical ADD CONSTRAINT ck_hazardous_chemical_named_beta_in_range CHECK (named_beta >= 1 AND named_beta <= 20);
                ALTER TABLE major_hazard_substance ADD CONSTRAINT ck_major_hazard_substance_design_max_quantity_in_range CHECK (design_max_quantity > 0 AND design_max_quantity <= 100000000);
                ALTER TABLE major_hazard_substance ADD CONSTRAINT ck_major_hazard_substance_beta_class_in_range CHECK (beta_class >= 1 AND beta_class <= 24);
                ALTER TABLE major_hazard_substance ADD CONSTRAINT ck_major_hazard_substance_seq_in_range CHECK (seq >= 1 AND seq <= 50);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_unit_type_in_range CHECK (unit_type >= 1 AND unit_type <= 2);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_population500m_in_range CHECK (population500m >= 0 AND population500m <= 10000000);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_alpha_in_range CHECK (alpha >= 0.5 AND alpha <= 2);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_beta_choice_in_range CHECK (beta_choice >= 1 AND beta_choice <= 2);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_s_value_in_range CHECK (s_value >= 0 AND s_value <= 1000000000000);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_r_value_in_range CHECK (r_value >= 0 AND r_value <= 99999999.99);
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_level_in_range CHECK (level >= 1 AND level <= 4);
                """);

            // The record's own invariants: a shared row is a Table 1 row and an enterprise's row is not; a level and R
            // exactly when the unit is a major hazard source (GB 18218-2018: no level below S = 1).
            migrationBuilder.Sql(
                """
                ALTER TABLE hazardous_chemical ADD CONSTRAINT ck_hazardous_chemical_shared_is_table_1 CHECK (
                  (enterprise_id IS NULL) = (table_row IS NOT NULL) AND (enterprise_id IS NULL) = (region_code IS NULL)
                  AND (threshold_quantity IS NULL OR table_row IS NOT NULL));
                ALTER TABLE major_hazard_calculation ADD CONSTRAINT ck_major_hazard_calculation_level_only_when_major CHECK (
                  is_major_hazard = (s_value >= 1) AND (level IS NOT NULL) = is_major_hazard AND (r_value IS NOT NULL) = is_major_hazard);
                """);

            // Every calculation is a snapshot kept as computed (ADR 0047): the table refuses UPDATE and DELETE, whoever writes.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER major_hazard_calculation_append_only BEFORE UPDATE OR DELETE ON major_hazard_calculation FOR EACH ROW EXECUTE FUNCTION dp_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "major_hazard_calculation");

            migrationBuilder.DropTable(
                name: "major_hazard_substance");

            migrationBuilder.DropTable(
                name: "hazardous_chemical");

            migrationBuilder.DropColumn(
                name: "population500m",
                table: "major_hazard_source");

            migrationBuilder.DropColumn(
                name: "unit_type",
                table: "major_hazard_source");
        }
    }
}
