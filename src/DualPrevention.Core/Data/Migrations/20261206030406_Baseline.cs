using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <summary>
    /// The whole schema, squashed on 2026-12-06 from the twelve migrations written before anything was deployed
    /// (docs/operations.md, "Migrations"). Everything below is literal: it must emit the same SQL for as long as
    /// databases made by it exist. Column order and the defaults of hidden_danger (acceptance_rejections,
    /// accountability_category, major_criterion_nos, origin) and photo.kind are those the chain left — columns it added
    /// to existing tables came last, with a default for the rows already there — so both make the same schema.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    before = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    after = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
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
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    trigger = table.Column<int>(type: "integer", nullable: false)
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
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acceptance_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    acceptance_rejections = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepter_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    accepter_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accountability_category = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    category = table.Column<int>(type: "integer", nullable: true),
                    cause_analysis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    closed_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_out_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cost_ten_thousand_yuan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    enforcement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    invalidation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ledger_no = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    major_criteria_version = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    major_criterion_nos = table.Column<int[]>(type: "integer[]", nullable: false, defaultValue: new int[0]),
                    major_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    management_class = table.Column<int>(type: "integer", nullable: true),
                    occurrence_stage = table.Column<int>(type: "integer", nullable: true),
                    origin = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    rectification_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rectified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rectifier_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rectifier_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    remediation_measures = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    remediation_type = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hidden_danger", x => x.id);
                    table.CheckConstraint("ck_hidden_danger_cost_not_negative", "cost_ten_thousand_yuan IS NULL OR cost_ten_thousand_yuan >= 0");
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
                name: "inspection_generation_mark",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ran_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    generated_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_generation_mark", x => x.enterprise_id);
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
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photo", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "region",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_region", x => x.code);
                    table.ForeignKey(
                        name: "fk_region_region_parent_code",
                        column: x => x.parent_code,
                        principalTable: "region",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "app_role_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_role_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_app_role_claim_app_role_role_id",
                        column: x => x.role_id,
                        principalTable: "app_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "chemical_park",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chemical_park", x => x.id);
                    table.ForeignKey(
                        name: "fk_chemical_park_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "region",
                        principalColumn: "code",
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
                name: "enterprise",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    short_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unified_social_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    registry_enterprise_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    chemical_park_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kinds = table.Column<int>(type: "integer", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    principal_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    principal_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    is_major_hazard_enterprise = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_chemical_park_chemical_park_id",
                        column: x => x.chemical_park_id,
                        principalTable: "chemical_park",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enterprise_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "region",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "app_user",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scope_region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    must_change_password = table.Column<bool>(type: "boolean", nullable: false),
                    preferred_culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    post = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user", x => x.id);
                    table.CheckConstraint("ck_user_exactly_one_scope", "(enterprise_id IS NULL) <> (scope_region_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_app_user_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_app_user_region_scope_region_code",
                        column: x => x.scope_region_code,
                        principalTable: "region",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "app_user_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_app_user_claim_app_user_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "app_user_login",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user_login", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_app_user_login_app_user_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "app_user_role",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_app_user_role_app_role_role_id",
                        column: x => x.role_id,
                        principalTable: "app_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_app_user_role_app_user_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "app_user_token",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user_token", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_app_user_token_app_user_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    accountability_item_no = table.Column<short>(type: "smallint", nullable: true),
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
                        name: "fk_risk_assessment_risk_band_table_band_table_id",
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
                name: "RoleNameIndex",
                table: "app_role",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_role_claim_role_id",
                table: "app_role_claim",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "app_user",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_enterprise_id",
                table: "app_user",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_scope_region_code",
                table: "app_user",
                column: "scope_region_code");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "app_user",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_user_claim_user_id",
                table: "app_user_claim",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_login_user_id",
                table: "app_user_login",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_role_role_id",
                table: "app_user_role",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_entity_type_entity_id",
                table: "audit_entry",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_occurred_at",
                table: "audit_entry",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_chemical_park_region_code_name",
                table: "chemical_park",
                columns: new[] { "region_code", "name" },
                unique: true);

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
                name: "ix_deactivation_record_enterprise_id",
                table: "deactivation_record",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_deactivation_record_unit_id_stop_start_at",
                table: "deactivation_record",
                columns: new[] { "unit_id", "stop_start_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_extension_request_one_pending",
                table: "deadline_extension_request",
                column: "hidden_danger_id",
                unique: true,
                filter: "decision = 0");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_chemical_park_id",
                table: "enterprise",
                column: "chemical_park_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_region_code",
                table: "enterprise",
                column: "region_code")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_registry_enterprise_code",
                table: "enterprise",
                column: "registry_enterprise_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_short_code",
                table: "enterprise",
                column: "short_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_unified_social_credit_code",
                table: "enterprise",
                column: "unified_social_credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_escalation_record_pending",
                table: "escalation_record",
                column: "fired_at",
                filter: "notified_at IS NULL");

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
                name: "ix_hidden_danger_counted",
                table: "hidden_danger",
                column: "enterprise_id",
                filter: "NOT is_deleted AND state NOT IN (0, 5)")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "state", "level", "deadline", "registered_at", "accepted_at", "closed_out_at", "source", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id",
                table: "hidden_danger",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id_ledger_no",
                table: "hidden_danger",
                columns: new[] { "enterprise_id", "ledger_no" },
                unique: true,
                filter: "ledger_no IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id_state",
                table: "hidden_danger",
                columns: new[] { "enterprise_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_open_deadline",
                table: "hidden_danger",
                column: "deadline",
                filter: "state IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_record_id",
                table: "hidden_danger",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_history_entry_hidden_danger_id_at",
                table: "hidden_danger_history_entry",
                columns: new[] { "hidden_danger_id", "at" });

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
                name: "ix_inspection_daily_statistic_region_code_day",
                table: "inspection_daily_statistic",
                columns: new[] { "region_code", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_record_created_at",
                table: "inspection_record",
                column: "created_at");

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
                name: "ix_inspection_task_missed_window_end",
                table: "inspection_task",
                column: "window_end",
                filter: "status = 3")
                .Annotation("Npgsql:IndexInclude", new[] { "enterprise_id", "region_code" });

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

            migrationBuilder.CreateIndex(
                name: "ix_region_parent_code",
                table: "region",
                column: "parent_code");

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
                name: "ix_risk_event_counted",
                table: "risk_event",
                column: "enterprise_id",
                filter: "NOT is_deleted")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "unit_id", "level" });

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
            // Row-level security (ADR 0002, ADR 0011), written out as literal SQL and frozen with this migration: a
            // migration never calls code that can change after it is written (docs/operations.md, "Migrations").
            // dp_region_prefix is the rule of RegionCodes.Prefix; dp_scope_allows is the tenant rule evaluated per row,
            // kept as its readable reference. The policies apply the same rule with each session setting read once per
            // statement (uncorrelated sub-selects become InitPlans); a missing or unknown app.scope_kind matches nothing.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION dp_region_prefix(code text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                  SELECT CASE WHEN code LIKE '__0000' THEN left(code, 2)
                              WHEN code LIKE '____00' THEN left(code, 4)
                              ELSE code END
                $$;

                CREATE OR REPLACE FUNCTION dp_scope_allows(row_enterprise_id uuid, row_region_code text) RETURNS boolean
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT CASE coalesce(current_setting('app.scope_kind', true), 'none')
                    WHEN 'system' THEN true
                    WHEN 'enterprise' THEN row_enterprise_id IS NOT NULL
                      AND row_enterprise_id = nullif(current_setting('app.enterprise_id', true), '')::uuid
                    WHEN 'region' THEN row_region_code IS NOT NULL
                      AND current_setting('app.region_code', true) ~ '^[0-9]{6}$'
                      AND starts_with(row_region_code, dp_region_prefix(current_setting('app.region_code', true)))
                    ELSE false
                  END
                $$;
                """);

            // Every tenant-owned table with enterprise_id and region_code: read and write only inside the scope.
            migrationBuilder.Sql(
                """
                DO $do$
                DECLARE
                  tenant_table text;
                  tenant_predicate constant text := $predicate$
                    (SELECT current_setting('app.scope_kind', true) = 'system')
                      OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                          WHERE current_setting('app.scope_kind', true) = 'enterprise')
                      OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                   WHERE current_setting('app.scope_kind', true) = 'region'
                                                     AND current_setting('app.region_code', true) ~ '^[0-9]{6}$'))
                    $predicate$;
                BEGIN
                  FOREACH tenant_table IN ARRAY ARRAY[
                    'control_measure', 'deactivation_record', 'deadline_extension_request', 'escalation_record',
                    'hidden_danger', 'hidden_danger_history_entry', 'import_mapping_profile', 'import_run',
                    'inspection_daily_statistic', 'inspection_generation_mark', 'inspection_record', 'inspection_task',
                    'inspection_task_definition', 'major_hazard_source', 'major_hidden_danger_case', 'notification',
                    'notification_delivery', 'photo', 'report_export', 'risk_analysis_object', 'risk_analysis_unit',
                    'risk_assessment', 'risk_event']
                  LOOP
                    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
                    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (%s) WITH CHECK (%s)',
                                   tenant_table, tenant_predicate, tenant_predicate);
                  END LOOP;
                END
                $do$;
                """);

            // An enterprise is its own tenant: the same rule on its id.
            migrationBuilder.Sql(
                """
                ALTER TABLE enterprise ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON enterprise
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                             WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                             WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);

            // The audit trail: anyone may append, even before a scope exists (failed sign-ins), and it stays
            // append-only through grants (the application role has no UPDATE or DELETE on it). It is read inside the
            // scope; entries about enterprise staff carry the enterprise but no region, so a regulator sees them
            // through the enterprise's county.
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
                CREATE POLICY audit_append ON audit_entry FOR INSERT WITH CHECK (true);
                CREATE POLICY audit_read ON audit_entry FOR SELECT
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(coalesce(region_code, (SELECT e.region_code FROM enterprise e WHERE e.id = audit_entry.enterprise_id)),
                                   (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                    WHERE current_setting('app.scope_kind', true) = 'region'
                                      AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // audit_read reads enterprise, which cannot be dropped while the policy depends on it.
            migrationBuilder.Sql("DROP POLICY IF EXISTS audit_read ON audit_entry;");
            migrationBuilder.DropTable(
                name: "app_role_claim");

            migrationBuilder.DropTable(
                name: "app_user_claim");

            migrationBuilder.DropTable(
                name: "app_user_login");

            migrationBuilder.DropTable(
                name: "app_user_role");

            migrationBuilder.DropTable(
                name: "app_user_token");

            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "deactivation_record");

            migrationBuilder.DropTable(
                name: "deadline_extension_request");

            migrationBuilder.DropTable(
                name: "escalation_record");

            migrationBuilder.DropTable(
                name: "escalation_rule");

            migrationBuilder.DropTable(
                name: "hidden_danger_history_entry");

            migrationBuilder.DropTable(
                name: "holiday_calendar_day");

            migrationBuilder.DropTable(
                name: "import_mapping_profile");

            migrationBuilder.DropTable(
                name: "import_run");

            migrationBuilder.DropTable(
                name: "inspection_daily_statistic");

            migrationBuilder.DropTable(
                name: "inspection_generation_mark");

            migrationBuilder.DropTable(
                name: "inspection_record");

            migrationBuilder.DropTable(
                name: "major_hidden_danger_case");

            migrationBuilder.DropTable(
                name: "major_hidden_danger_criterion");

            migrationBuilder.DropTable(
                name: "notification_delivery");

            migrationBuilder.DropTable(
                name: "photo");

            migrationBuilder.DropTable(
                name: "report_export");

            migrationBuilder.DropTable(
                name: "risk_assessment");

            migrationBuilder.DropTable(
                name: "statistics_refresh_mark");

            migrationBuilder.DropTable(
                name: "app_role");

            migrationBuilder.DropTable(
                name: "app_user");

            migrationBuilder.DropTable(
                name: "inspection_task");

            migrationBuilder.DropTable(
                name: "hidden_danger");

            migrationBuilder.DropTable(
                name: "notification");

            migrationBuilder.DropTable(
                name: "inspection_task_definition");

            migrationBuilder.DropTable(
                name: "control_measure");

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

            migrationBuilder.DropTable(
                name: "enterprise");

            migrationBuilder.DropTable(
                name: "chemical_park");

            migrationBuilder.DropTable(
                name: "region");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS dp_scope_allows(uuid, text); DROP FUNCTION IF EXISTS dp_region_prefix(text);");
        }
    }
}
