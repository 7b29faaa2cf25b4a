using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedPermitWorkPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "fence_radius_meters",
                table: "work_permit",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "site_plan_id",
                table: "work_permit",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Polygon>(
                name: "work_fence",
                table: "work_permit",
                type: "geometry(Polygon, 0)",
                nullable: true);

            migrationBuilder.AddColumn<Point>(
                name: "work_point",
                table: "work_permit",
                type: "geometry(Point, 0)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_permit_site_plan_id_status",
                table: "work_permit",
                columns: new[] { "site_plan_id", "status" });

            migrationBuilder.AddForeignKey(
                name: "fk_work_permit_site_plan_site_plan_id",
                table: "work_permit",
                column: "site_plan_id",
                principalTable: "site_plan",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The work point and fence are content: frozen with the rest once the permit leaves the draft (GB 30871-2022
            // §4.18, ADR 0045). A point comes with its plan and its fence; a radius is a circle's (ADR 0024 ranges).
            migrationBuilder.Sql(
                """
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_fence_radius_meters_in_range CHECK (fence_radius_meters >= 1 AND fence_radius_meters <= 500);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_work_point_whole CHECK (
                  (site_plan_id IS NULL) = (work_point IS NULL) AND (work_point IS NULL) = (work_fence IS NULL) AND (fence_radius_meters IS NULL OR work_point IS NOT NULL));

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
                      OLD.other_measures_author, OLD.replaces_permit_id)
                    IS DISTINCT FROM (NEW.enterprise_id, NEW.region_code, NEW.number, NEW.type, NEW.hot_work_grade, NEW.height_class,
                      NEW.lifting_grade, NEW.details, NEW.applicant_unit, NEW.applied_at, NEW.work_content, NEW.location_text, NEW.outdoor,
                      NEW.contractor, NEW.planned_start, NEW.planned_end, NEW.hazard_analysis_result, NEW.other_measures,
                      NEW.other_measures_author, NEW.replaces_permit_id) THEN
                    RAISE EXCEPTION 'work permit % is no longer a draft: its content cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  IF OLD.issued_at IS NOT NULL AND (OLD.issued_at, OLD.valid_until) IS DISTINCT FROM (NEW.issued_at, NEW.valid_until) THEN
                    RAISE EXCEPTION 'work permit % is issued: its validity cannot change', OLD.number USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
            migrationBuilder.DropForeignKey(
                name: "fk_work_permit_site_plan_site_plan_id",
                table: "work_permit");

            migrationBuilder.DropIndex(
                name: "ix_work_permit_site_plan_id_status",
                table: "work_permit");

            migrationBuilder.DropColumn(
                name: "fence_radius_meters",
                table: "work_permit");

            migrationBuilder.DropColumn(
                name: "site_plan_id",
                table: "work_permit");

            migrationBuilder.DropColumn(
                name: "work_fence",
                table: "work_permit");

            migrationBuilder.DropColumn(
                name: "work_point",
                table: "work_permit");
        }
    }
}
