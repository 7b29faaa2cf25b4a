using System;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedHiddenDangerRemediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "photo",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "acceptance_comment",
                table: "hidden_danger",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "acceptance_rejections",
                table: "hidden_danger",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "hidden_danger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accepter_name",
                table: "hidden_danger",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "accepter_user_id",
                table: "hidden_danger",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "accountability_category",
                table: "hidden_danger",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "category",
                table: "hidden_danger",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cause_analysis",
                table: "hidden_danger",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_out_at",
                table: "hidden_danger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_out_by_name",
                table: "hidden_danger",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                table: "hidden_danger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "cost_ten_thousand_yuan",
                table: "hidden_danger",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "deadline",
                table: "hidden_danger",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "enforcement_id",
                table: "hidden_danger",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "invalidation_reason",
                table: "hidden_danger",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ledger_no",
                table: "hidden_danger",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "hidden_danger",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "major_criteria_version",
                table: "hidden_danger",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "major_criterion_nos",
                table: "hidden_danger",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<string>(
                name: "major_reason",
                table: "hidden_danger",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "management_class",
                table: "hidden_danger",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "occurrence_stage",
                table: "hidden_danger",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "origin",
                table: "hidden_danger",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "rectification_note",
                table: "hidden_danger",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rectified_at",
                table: "hidden_danger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rectifier_name",
                table: "hidden_danger",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "rectifier_user_id",
                table: "hidden_danger",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "registered_at",
                table: "hidden_danger",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "remediation_measures",
                table: "hidden_danger",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "remediation_type",
                table: "hidden_danger",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deadline_extension_request",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: false),
                    previous_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_extension_request", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadline_extension_request_hidden_dangers_hidden_danger_id",
                        column: x => x.hidden_danger_id,
                        principalTable: "hidden_danger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "escalation_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    step_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target = table.Column<int>(type: "integer", nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_rule",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    step_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: true),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_rule", x => x.id);
                    table.CheckConstraint("ck_escalation_rule_days_not_negative", "days >= 0");
                });

            migrationBuilder.CreateTable(
                name: "hidden_danger_history_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_state = table.Column<int>(type: "integer", nullable: true),
                    to_state = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hidden_danger_history_entry", x => x.id);
                    table.ForeignKey(
                        name: "fk_hidden_danger_history_entry_hidden_danger_hidden_danger_id",
                        column: x => x.hidden_danger_id,
                        principalTable: "hidden_danger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "major_hidden_danger_case",
                columns: table => new
                {
                    hidden_danger_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    reported_to_regulator_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reported_to_workers_congress_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    plan_objectives = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plan_methods = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plan_funding_and_materials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plan_responsible_organisation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plan_time_limit = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plan_safety_and_emergency_measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    interim_safeguards = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    production_stopped = table.Column<bool>(type: "boolean", nullable: false),
                    posting_level = table.Column<int>(type: "integer", nullable: true),
                    posting_organisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    posting_notice_no = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    posting_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    posted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_major_hidden_danger_case", x => x.hidden_danger_id);
                    table.ForeignKey(
                        name: "fk_major_hidden_danger_case_hidden_danger_hidden_danger_id",
                        column: x => x.hidden_danger_id,
                        principalTable: "hidden_danger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "major_hidden_danger_criterion",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    no = table.Column<int>(type: "integer", nullable: false),
                    text_zh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    text_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_major_hidden_danger_criterion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalation_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_delivery",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_delivery", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_delivery_notification_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notification",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id_ledger_no",
                table: "hidden_danger",
                columns: new[] { "enterprise_id", "ledger_no" },
                unique: true,
                filter: "ledger_no IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_open_deadline",
                table: "hidden_danger",
                column: "deadline",
                filter: "state IN (1, 2, 3)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_hidden_danger_cost_not_negative",
                table: "hidden_danger",
                sql: "cost_ten_thousand_yuan IS NULL OR cost_ten_thousand_yuan >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_extension_request_one_pending",
                table: "deadline_extension_request",
                column: "hidden_danger_id",
                unique: true,
                filter: "decision = 0");

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_enterprise_id",
                table: "escalation_record",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_subject_subject_id_period_step_code",
                table: "escalation_record",
                columns: new[] { "subject", "subject_id", "period", "step_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_target_region_code",
                table: "escalation_record",
                columns: new[] { "target", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_rule_region_code_step_code",
                table: "escalation_rule",
                columns: new[] { "region_code", "step_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_history_entry_hidden_danger_id_at",
                table: "hidden_danger_history_entry",
                columns: new[] { "hidden_danger_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_major_hidden_danger_case_enterprise_id",
                table: "major_hidden_danger_case",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_major_hidden_danger_criterion_version_no",
                table: "major_hidden_danger_criterion",
                columns: new[] { "version", "no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_escalation_record_id_recipient_user_id",
                table: "notification",
                columns: new[] { "escalation_record_id", "recipient_user_id" },
                unique: true,
                filter: "escalation_record_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notification_recipient_user_id_created_at",
                table: "notification",
                columns: new[] { "recipient_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_unread",
                table: "notification",
                column: "recipient_user_id",
                filter: "read_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notification_delivery_notification_id_channel",
                table: "notification_delivery",
                columns: new[] { "notification_id", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_delivery_pending",
                table: "notification_delivery",
                column: "next_attempt_at",
                filter: "status = 0");

            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "major_hidden_danger_case");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "hidden_danger_history_entry");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "deadline_extension_request");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "escalation_record");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "notification");
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "notification_delivery");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "major_hidden_danger_case");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "hidden_danger_history_entry");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "deadline_extension_request");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "escalation_record");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "notification");
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "notification_delivery");

            migrationBuilder.DropTable(
                name: "deadline_extension_request");

            migrationBuilder.DropTable(
                name: "escalation_record");

            migrationBuilder.DropTable(
                name: "escalation_rule");

            migrationBuilder.DropTable(
                name: "hidden_danger_history_entry");

            migrationBuilder.DropTable(
                name: "major_hidden_danger_case");

            migrationBuilder.DropTable(
                name: "major_hidden_danger_criterion");

            migrationBuilder.DropTable(
                name: "notification_delivery");

            migrationBuilder.DropTable(
                name: "notification");

            migrationBuilder.DropIndex(
                name: "ix_hidden_danger_enterprise_id_ledger_no",
                table: "hidden_danger");

            migrationBuilder.DropIndex(
                name: "ix_hidden_danger_open_deadline",
                table: "hidden_danger");

            migrationBuilder.DropCheckConstraint(
                name: "ck_hidden_danger_cost_not_negative",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "photo");

            migrationBuilder.DropColumn(
                name: "acceptance_comment",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "acceptance_rejections",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "accepter_name",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "accepter_user_id",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "accountability_category",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "category",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "cause_analysis",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "closed_out_at",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "closed_out_by_name",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "cost_ten_thousand_yuan",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "deadline",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "enforcement_id",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "invalidation_reason",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "ledger_no",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "location",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "major_criteria_version",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "major_criterion_nos",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "major_reason",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "management_class",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "occurrence_stage",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "rectification_note",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "rectified_at",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "rectifier_name",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "rectifier_user_id",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "registered_at",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "remediation_measures",
                table: "hidden_danger");

            migrationBuilder.DropColumn(
                name: "remediation_type",
                table: "hidden_danger");
        }
    }
}
