using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedDirectJudgementRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "direct_judgement_rule_id",
                table: "risk_event",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "direct_judgement_rule_id",
                table: "risk_assessment",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "direct_judgement_rule",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    condition = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    is_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_direct_judgement_rule", x => x.id);
                    table.ForeignKey(
                        name: "fk_direct_judgement_rule_region_region_code",
                        column: x => x.region_code,
                        principalTable: "region",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_event_direct_judgement_rule_id",
                table: "risk_event",
                column: "direct_judgement_rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessment_direct_judgement_rule_id",
                table: "risk_assessment",
                column: "direct_judgement_rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_direct_judgement_rule_region_code_condition_version",
                table: "direct_judgement_rule",
                columns: new[] { "region_code", "condition", "version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_risk_assessment_direct_judgement_rule_direct_judgement_rule",
                table: "risk_assessment",
                column: "direct_judgement_rule_id",
                principalTable: "direct_judgement_rule",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_risk_event_direct_judgement_rule_direct_judgement_rule_id",
                table: "risk_event",
                column: "direct_judgement_rule_id",
                principalTable: "direct_judgement_rule",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Ranges and dates (ADR 0024, ADR 0016), and tenancy for writes (ADR 0033): every enterprise reads its
            // province's and city's rules when grading, so reading is open like the band tables; writing is for the
            // system and for a regulator inside whose region the rule lies (a city never writes the province's rule or
            // another city's). The predicate is the Baseline's, copied.
            migrationBuilder.Sql(
                """
                ALTER TABLE direct_judgement_rule ADD CONSTRAINT ck_direct_judgement_rule_condition_in_range CHECK (condition BETWEEN 1 AND 2);
                ALTER TABLE direct_judgement_rule ADD CONSTRAINT ck_direct_judgement_rule_level_in_range CHECK (level BETWEEN 1 AND 4);
                ALTER TABLE direct_judgement_rule ADD CONSTRAINT ck_direct_judgement_rule_version_in_range CHECK (version >= 1);
                ALTER TABLE direct_judgement_rule ADD CONSTRAINT ck_direct_judgement_rule_effective_from_in_world CHECK (effective_from >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND effective_from < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE direct_judgement_rule ADD CONSTRAINT ck_direct_judgement_rule_issued_at_in_world CHECK (issued_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND issued_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE direct_judgement_rule ENABLE ROW LEVEL SECURITY;
                CREATE POLICY read_by_all ON direct_judgement_rule FOR SELECT USING (true);
                CREATE POLICY write_inside_region ON direct_judgement_rule FOR INSERT
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                CREATE POLICY change_inside_region ON direct_judgement_rule FOR UPDATE
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                CREATE POLICY delete_inside_region ON direct_judgement_rule FOR DELETE
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_risk_assessment_direct_judgement_rule_direct_judgement_rule",
                table: "risk_assessment");

            migrationBuilder.DropForeignKey(
                name: "fk_risk_event_direct_judgement_rule_direct_judgement_rule_id",
                table: "risk_event");

            migrationBuilder.DropTable(
                name: "direct_judgement_rule");

            migrationBuilder.DropIndex(
                name: "ix_risk_event_direct_judgement_rule_id",
                table: "risk_event");

            migrationBuilder.DropIndex(
                name: "ix_risk_assessment_direct_judgement_rule_id",
                table: "risk_assessment");

            migrationBuilder.DropColumn(
                name: "direct_judgement_rule_id",
                table: "risk_event");

            migrationBuilder.DropColumn(
                name: "direct_judgement_rule_id",
                table: "risk_assessment");
        }
    }
}
