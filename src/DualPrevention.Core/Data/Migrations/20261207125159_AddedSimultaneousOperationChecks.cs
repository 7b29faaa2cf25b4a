using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedSimultaneousOperationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "activities",
                table: "work_permit",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "simultaneous_check_confirmation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    rule = table.Column<int>(type: "integer", nullable: false),
                    other_permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed_by_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_simultaneous_check_confirmation", x => x.id);
                    table.ForeignKey(
                        name: "fk_simultaneous_check_confirmation_person_confirmed_by_person_",
                        column: x => x.confirmed_by_person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_simultaneous_check_confirmation_work_permit_other_permit_id",
                        column: x => x.other_permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_simultaneous_check_confirmation_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_simultaneous_check_confirmation_confirmed_by_person_id",
                table: "simultaneous_check_confirmation",
                column: "confirmed_by_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_simultaneous_check_confirmation_other_permit_id",
                table: "simultaneous_check_confirmation",
                column: "other_permit_id");

            migrationBuilder.CreateIndex(
                name: "ix_simultaneous_check_confirmation_permit_id_rule_other_permit",
                table: "simultaneous_check_confirmation",
                columns: new[] { "permit_id", "rule", "other_permit_id" },
                unique: true);

            // Tenancy twice (ADR 0002/0012): the baseline's policy. Dates in the world (ADR 0016), numbers in range (ADR 0024).
            // A confirmation by hand is evidence: never changed nor removed (dp_append_only). The activities a permit
            // declares are content, frozen with the rest after the draft (GB 30871-2022 §4.18, ADR 0045).
            migrationBuilder.Sql(
                """
                ALTER TABLE simultaneous_check_confirmation ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON simultaneous_check_confirmation
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
                ALTER TABLE simultaneous_check_confirmation ADD CONSTRAINT ck_simultaneous_check_confirmation_confirmed_at_in_world CHECK (confirmed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND confirmed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE simultaneous_check_confirmation ADD CONSTRAINT ck_simultaneous_check_confirmation_rule_in_range CHECK (rule >= 1 AND rule <= 7);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_activities_in_range CHECK (activities >= 0 AND activities <= 15);
                CREATE TRIGGER simultaneous_check_confirmation_append_only BEFORE UPDATE OR DELETE ON simultaneous_check_confirmation FOR EACH ROW EXECUTE FUNCTION dp_append_only();
                CREATE OR REPLACE FUNCTION dp_work_permit_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF OLD.status <> 1 AND (OLD.enterprise_id, OLD.region_code, OLD.number, OLD.type, OLD.hot_work_grade, OLD.height_class,
                      OLD.lifting_grade, OLD.details, OLD.applicant_unit, OLD.applied_at, OLD.work_content, OLD.location_text, OLD.outdoor,
                      OLD.contractor, OLD.planned_start, OLD.planned_end, OLD.hazard_analysis_result, OLD.other_measures,
                      OLD.other_measures_author, OLD.replaces_permit_id,
                      OLD.site_plan_id, OLD.work_point, OLD.work_fence, OLD.fence_radius_meters, OLD.activities)
                    IS DISTINCT FROM (NEW.enterprise_id, NEW.region_code, NEW.number, NEW.type, NEW.hot_work_grade, NEW.height_class,
                      NEW.lifting_grade, NEW.details, NEW.applicant_unit, NEW.applied_at, NEW.work_content, NEW.location_text, NEW.outdoor,
                      NEW.contractor, NEW.planned_start, NEW.planned_end, NEW.hazard_analysis_result, NEW.other_measures,
                      NEW.other_measures_author, NEW.replaces_permit_id,
                      NEW.site_plan_id, NEW.work_point, NEW.work_fence, NEW.fence_radius_meters, NEW.activities) THEN
                    RAISE EXCEPTION 'work permit % is no longer a draft: its content cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  IF OLD.issued_at IS NOT NULL AND (OLD.issued_at, OLD.valid_until) IS DISTINCT FROM (NEW.issued_at, NEW.valid_until) THEN
                    RAISE EXCEPTION 'work permit % is issued: its validity cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION dp_work_permit_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF OLD.status <> 1 AND (OLD.enterprise_id, OLD.region_code, OLD.number, OLD.type, OLD.hot_work_grade, OLD.height_class,
                      OLD.lifting_grade, OLD.details, OLD.applicant_unit, OLD.applied_at, OLD.work_content, OLD.location_text, OLD.outdoor,
                      OLD.contractor, OLD.planned_start, OLD.planned_end, OLD.hazard_analysis_result, OLD.other_measures,
                      OLD.other_measures_author, OLD.replaces_permit_id,
                      OLD.site_plan_id, OLD.work_point, OLD.work_fence, OLD.fence_radius_meters)
                    IS DISTINCT FROM (NEW.enterprise_id, NEW.region_code, NEW.number, NEW.type, NEW.hot_work_grade, NEW.height_class,
                      NEW.lifting_grade, NEW.details, NEW.applicant_unit, NEW.applied_at, NEW.work_content, NEW.location_text, NEW.outdoor,
                      NEW.contractor, NEW.planned_start, NEW.planned_end, NEW.hazard_analysis_result, NEW.other_measures,
                      NEW.other_measures_author, NEW.replaces_permit_id,
                      NEW.site_plan_id, NEW.work_point, NEW.work_fence, NEW.fence_radius_meters) THEN
                    RAISE EXCEPTION 'work permit % is no longer a draft: its content cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  IF OLD.issued_at IS NOT NULL AND (OLD.issued_at, OLD.valid_until) IS DISTINCT FROM (NEW.issued_at, NEW.valid_until) THEN
                    RAISE EXCEPTION 'work permit % is issued: its validity cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "simultaneous_check_confirmation");

            migrationBuilder.DropColumn(
                name: "activities",
                table: "work_permit");
        }
    }
}
