using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedWorkPermits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise_measure_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_measure_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "permit_measure_template",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_measure_template", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "permit_number_counter",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_number_counter", x => new { x.enterprise_id, x.prefix, x.day });
                });

            migrationBuilder.CreateTable(
                name: "work_permit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    hot_work_grade = table.Column<int>(type: "integer", nullable: true),
                    height_class = table.Column<int>(type: "integer", nullable: true),
                    lifting_grade = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    applicant_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    work_content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    location_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    outdoor = table.Column<bool>(type: "boolean", nullable: false),
                    contractor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    planned_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    planned_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actual_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actual_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hazard_analysis_result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    other_measures = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    other_measures_author = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    shift_leader_checked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    shift_leader_checked_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    shift_leader_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    site_restored = table.Column<bool>(type: "boolean", nullable: false),
                    completion_notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    replaces_permit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    replaced_by_permit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    linked_permit_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_permit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "approval_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    signed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_step_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gas_test",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    sampled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    point = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    representative_gas = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    lower_explosive_limit = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    flammable_value = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    unit = table.Column<int>(type: "integer", nullable: false),
                    flammable_volume = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    oxygen = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    oxygen_enriched = table.Column<bool>(type: "boolean", nullable: false),
                    oxygen_equipment = table.Column<bool>(type: "boolean", nullable: false),
                    toxic = table.Column<string>(type: "jsonb", nullable: false),
                    analyst = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    detector_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    detector_calibration_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    continuous = table.Column<bool>(type: "boolean", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    failures = table.Column<string[]>(type: "text[]", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gas_test", x => x.id);
                    table.ForeignKey(
                        name: "fk_gas_test_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "permit_interruption",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_interruption", x => x.id);
                    table.ForeignKey(
                        name: "fk_permit_interruption_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "permit_measure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    applicable = table.Column<bool>(type: "boolean", nullable: true),
                    confirmed_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    confirmed_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_measure", x => x.id);
                    table.ForeignKey(
                        name: "fk_permit_measure_person_confirmed_by_person_id",
                        column: x => x.confirmed_by_person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_permit_measure_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "permit_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_person", x => x.id);
                    table.ForeignKey(
                        name: "fk_permit_person_person_certificate_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "person_certificate",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_permit_person_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_permit_person_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_briefing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    briefed_by_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    briefed_person_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_briefing", x => x.id);
                    table.ForeignKey(
                        name: "fk_safety_briefing_person_briefed_by_person_id",
                        column: x => x.briefed_by_person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safety_briefing_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_permit_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    permit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<int>(type: "integer", nullable: true),
                    to_status = table.Column<int>(type: "integer", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_permit_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_permit_event_work_permit_permit_id",
                        column: x => x.permit_id,
                        principalTable: "work_permit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_step_permit_id_seq",
                table: "approval_step",
                columns: new[] { "permit_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_measure_item_enterprise_id_type_seq",
                table: "enterprise_measure_item",
                columns: new[] { "enterprise_id", "type", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gas_test_permit_id_sampled_at",
                table: "gas_test",
                columns: new[] { "permit_id", "sampled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_permit_interruption_permit_id",
                table: "permit_interruption",
                column: "permit_id");

            migrationBuilder.CreateIndex(
                name: "ix_permit_measure_confirmed_by_person_id",
                table: "permit_measure",
                column: "confirmed_by_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_permit_measure_permit_id_seq",
                table: "permit_measure",
                columns: new[] { "permit_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_permit_measure_template_type_version_seq",
                table: "permit_measure_template",
                columns: new[] { "type", "version", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_permit_person_certificate_id",
                table: "permit_person",
                column: "certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_permit_person_permit_id_person_id_role",
                table: "permit_person",
                columns: new[] { "permit_id", "person_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_permit_person_person_id",
                table: "permit_person",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_briefing_briefed_by_person_id",
                table: "safety_briefing",
                column: "briefed_by_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_briefing_permit_id",
                table: "safety_briefing",
                column: "permit_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_permit_enterprise_id_applied_at",
                table: "work_permit",
                columns: new[] { "enterprise_id", "applied_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_permit_enterprise_id_number",
                table: "work_permit",
                columns: new[] { "enterprise_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_permit_status",
                table: "work_permit",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_work_permit_event_permit_id_at",
                table: "work_permit_event",
                columns: new[] { "permit_id", "at" });

            // Tenancy twice (ADR 0002/0012): the baseline's predicate, copied, on every enterprise-owned table.
            migrationBuilder.Sql(
                """
                ALTER TABLE enterprise_measure_item ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON enterprise_measure_item
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
                ALTER TABLE permit_number_counter ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON permit_number_counter
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
                ALTER TABLE work_permit ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON work_permit
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
                ALTER TABLE approval_step ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON approval_step
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
                ALTER TABLE gas_test ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON gas_test
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
                ALTER TABLE permit_interruption ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON permit_interruption
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
                ALTER TABLE permit_measure ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON permit_measure
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
                ALTER TABLE permit_person ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON permit_person
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
                ALTER TABLE safety_briefing ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON safety_briefing
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
                ALTER TABLE work_permit_event ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON work_permit_event
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

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE enterprise_measure_item ADD CONSTRAINT ck_enterprise_measure_item_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE permit_number_counter ADD CONSTRAINT ck_permit_number_counter_day_in_world CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2100-12-31');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_applied_at_in_world CHECK (applied_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND applied_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_planned_start_in_world CHECK (planned_start >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND planned_start < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_planned_end_in_world CHECK (planned_end >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND planned_end < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_issued_at_in_world CHECK (issued_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND issued_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_valid_until_in_world CHECK (valid_until >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND valid_until < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_actual_start_in_world CHECK (actual_start >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND actual_start < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_actual_end_in_world CHECK (actual_end >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND actual_end < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_shift_leader_checked_at_in_world CHECK (shift_leader_checked_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND shift_leader_checked_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_accepted_at_in_world CHECK (accepted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND accepted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_closed_at_in_world CHECK (closed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND closed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE approval_step ADD CONSTRAINT ck_approval_step_signed_at_in_world CHECK (signed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND signed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_sampled_at_in_world CHECK (sampled_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND sampled_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_detector_calibration_due_on_in_world CHECK (detector_calibration_due_on BETWEEN DATE '2000-01-01' AND DATE '2100-12-31');
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_recorded_at_in_world CHECK (recorded_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND recorded_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE permit_interruption ADD CONSTRAINT ck_permit_interruption_from_in_world CHECK ("from" >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND "from" < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE permit_interruption ADD CONSTRAINT ck_permit_interruption_to_in_world CHECK ("to" >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND "to" < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE permit_measure ADD CONSTRAINT ck_permit_measure_confirmed_at_in_world CHECK (confirmed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND confirmed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE safety_briefing ADD CONSTRAINT ck_safety_briefing_at_in_world CHECK (at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE work_permit_event ADD CONSTRAINT ck_work_permit_event_at_in_world CHECK (at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);

            // Numbers within their ranges (ADR 0024): enumerations their defined span, readings their physical bounds.
            migrationBuilder.Sql(
                """
                ALTER TABLE approval_step ADD CONSTRAINT ck_approval_step_role_in_range CHECK (role >= 1 AND role <= 11);
                ALTER TABLE approval_step ADD CONSTRAINT ck_approval_step_seq_in_range CHECK (seq >= 1 AND seq <= 100);
                ALTER TABLE enterprise_measure_item ADD CONSTRAINT ck_enterprise_measure_item_seq_in_range CHECK (seq >= 1 AND seq <= 1000);
                ALTER TABLE enterprise_measure_item ADD CONSTRAINT ck_enterprise_measure_item_type_in_range CHECK (type >= 1 AND type <= 8);
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_flammable_value_in_range CHECK (flammable_value >= 0 AND flammable_value <= 100);
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_flammable_volume_in_range CHECK (flammable_volume >= 0 AND flammable_volume <= 100);
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_lower_explosive_limit_in_range CHECK (lower_explosive_limit >= 0 AND lower_explosive_limit <= 100);
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_oxygen_in_range CHECK (oxygen >= 0 AND oxygen <= 100);
                ALTER TABLE gas_test ADD CONSTRAINT ck_gas_test_unit_in_range CHECK (unit >= 1 AND unit <= 2);
                ALTER TABLE permit_measure ADD CONSTRAINT ck_permit_measure_seq_in_range CHECK (seq >= 1 AND seq <= 1000);
                ALTER TABLE permit_measure_template ADD CONSTRAINT ck_permit_measure_template_seq_in_range CHECK (seq >= 1 AND seq <= 1000);
                ALTER TABLE permit_measure_template ADD CONSTRAINT ck_permit_measure_template_type_in_range CHECK (type >= 1 AND type <= 8);
                ALTER TABLE permit_number_counter ADD CONSTRAINT ck_permit_number_counter_last_in_range CHECK (last >= 1 AND last <= 999999);
                ALTER TABLE permit_person ADD CONSTRAINT ck_permit_person_role_in_range CHECK (role >= 1 AND role <= 3);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_height_class_in_range CHECK (height_class >= 1 AND height_class <= 4);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_hot_work_grade_in_range CHECK (hot_work_grade >= 1 AND hot_work_grade <= 3);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_lifting_grade_in_range CHECK (lifting_grade >= 1 AND lifting_grade <= 3);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_status_in_range CHECK (status >= 1 AND status <= 12);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_type_in_range CHECK (type >= 1 AND type <= 8);
                ALTER TABLE work_permit_event ADD CONSTRAINT ck_work_permit_event_action_in_range CHECK (action >= 1 AND action <= 20);
                ALTER TABLE work_permit_event ADD CONSTRAINT ck_work_permit_event_from_status_in_range CHECK (from_status >= 1 AND from_status <= 12);
                ALTER TABLE work_permit_event ADD CONSTRAINT ck_work_permit_event_to_status_in_range CHECK (to_status >= 1 AND to_status <= 12);
                """);

            // The record's own invariants: a plan ends after it starts; only the permit's own type carries a grade
            // (hot work 1, height 4, lifting 5; ADR 0045); a voided permit names its replacement.
            migrationBuilder.Sql(
                """
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_planned_end_after_start CHECK (planned_end > planned_start);
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_grade_of_its_type CHECK (
                  (hot_work_grade IS NOT NULL) = (type = 1) AND (height_class IS NULL OR type = 4) AND (lifting_grade IS NOT NULL) = (type = 5));
                ALTER TABLE work_permit ADD CONSTRAINT ck_work_permit_voided_names_replacement CHECK (status <> 12 OR replaced_by_permit_id IS NOT NULL);
                """);

            // A permit is never altered once it leaves the draft (GB 30871-2022 §4.18, 不得涂改; ADR 0045): its content
            // columns and its people are frozen, signed approval steps and gas tests are never changed, and the event
            // log is append-only. The code refuses first; these triggers hold whatever writes.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION dp_work_permit_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
                CREATE TRIGGER work_permit_frozen BEFORE UPDATE ON work_permit FOR EACH ROW EXECUTE FUNCTION dp_work_permit_frozen();

                CREATE FUNCTION dp_permit_people_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM work_permit p WHERE p.id = COALESCE(NEW.permit_id, OLD.permit_id) AND p.status <> 1) THEN
                    RAISE EXCEPTION 'the people of a work permit that is no longer a draft cannot change' USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN COALESCE(NEW, OLD);
                END $$;
                CREATE TRIGGER permit_person_frozen BEFORE INSERT OR UPDATE OR DELETE ON permit_person FOR EACH ROW EXECUTE FUNCTION dp_permit_people_frozen();

                CREATE FUNCTION dp_permit_measure_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND (OLD.seq, OLD.text, OLD.clause) IS NOT DISTINCT FROM (NEW.seq, NEW.text, NEW.clause)
                     AND EXISTS (SELECT 1 FROM work_permit p WHERE p.id = NEW.permit_id AND p.status IN (1, 2)) THEN
                    RETURN NEW;
                  END IF;
                  IF EXISTS (SELECT 1 FROM work_permit p WHERE p.id = COALESCE(NEW.permit_id, OLD.permit_id) AND p.status <> 1) THEN
                    RAISE EXCEPTION 'the measures of a work permit are confirmed while it is prepared and never changed after' USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN COALESCE(NEW, OLD);
                END $$;
                CREATE TRIGGER permit_measure_frozen BEFORE INSERT OR UPDATE OR DELETE ON permit_measure FOR EACH ROW EXECUTE FUNCTION dp_permit_measure_frozen();

                CREATE FUNCTION dp_approval_step_signed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND OLD.signed_at IS NOT NULL THEN
                    RAISE EXCEPTION 'a signed approval step cannot change' USING ERRCODE = 'check_violation';
                  END IF;
                  RETURN COALESCE(NEW, OLD);
                END $$;
                CREATE TRIGGER approval_step_signed BEFORE UPDATE ON approval_step FOR EACH ROW EXECUTE FUNCTION dp_approval_step_signed();

                CREATE FUNCTION dp_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
                END $$;
                CREATE TRIGGER gas_test_append_only BEFORE UPDATE OR DELETE ON gas_test FOR EACH ROW EXECUTE FUNCTION dp_append_only();
                CREATE TRIGGER work_permit_event_append_only BEFORE UPDATE OR DELETE ON work_permit_event FOR EACH ROW EXECUTE FUNCTION dp_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_step");

            migrationBuilder.DropTable(
                name: "enterprise_measure_item");

            migrationBuilder.DropTable(
                name: "gas_test");

            migrationBuilder.DropTable(
                name: "permit_interruption");

            migrationBuilder.DropTable(
                name: "permit_measure");

            migrationBuilder.DropTable(
                name: "permit_measure_template");

            migrationBuilder.DropTable(
                name: "permit_number_counter");

            migrationBuilder.DropTable(
                name: "permit_person");

            migrationBuilder.DropTable(
                name: "safety_briefing");

            migrationBuilder.DropTable(
                name: "work_permit_event");

            migrationBuilder.DropTable(
                name: "work_permit");

            migrationBuilder.Sql("DROP FUNCTION dp_work_permit_frozen(); DROP FUNCTION dp_permit_people_frozen(); DROP FUNCTION dp_permit_measure_frozen(); DROP FUNCTION dp_approval_step_signed(); DROP FUNCTION dp_append_only();");
        }
    }
}
