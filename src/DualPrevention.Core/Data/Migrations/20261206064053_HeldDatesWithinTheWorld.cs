using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeldDatesWithinTheWorld : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "on_behalf_reason",
                table: "inspection_record",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Generation reconciles (ADR 0016): deleting windows — by hand, by a repair, by retiring or re-planning —
            // moves the enterprise's mark back to the world's start, so the next run computes its whole horizon and
            // re-creates what should exist; the unique (definition_id, window_start) keeps every window single.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION dp_forget_generation_marks() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE inspection_generation_mark SET generated_until = TIMESTAMPTZ '2000-01-01 00:00:00+08'
                  WHERE enterprise_id IN (SELECT DISTINCT enterprise_id FROM gone);
                  RETURN NULL;
                END $$;
                CREATE FUNCTION dp_forget_all_generation_marks() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE inspection_generation_mark SET generated_until = TIMESTAMPTZ '2000-01-01 00:00:00+08';
                  RETURN NULL;
                END $$;
                CREATE TRIGGER inspection_task_deleted AFTER DELETE ON inspection_task
                  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dp_forget_generation_marks();
                CREATE TRIGGER inspection_task_truncated AFTER TRUNCATE ON inspection_task
                  FOR EACH STATEMENT EXECUTE FUNCTION dp_forget_all_generation_marks();
                """);

            // Every date and timestamp column within 2000-01-01 … 2100-12-31 Beijing time (ADR 0016). NOT VALID: rows from
            // before stay readable and the start-up goes on; new and updated rows are checked. The one sentinel the code
            // wrote, an account locked for good at infinity, moves to the last instant of the world first.
            migrationBuilder.Sql(
                """
                UPDATE app_user SET lockout_end = TIMESTAMPTZ '2100-12-31 23:59:59+08' WHERE lockout_end = 'infinity';
                ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_occurred_at_in_world CHECK (occurred_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND occurred_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE escalation_record ADD CONSTRAINT ck_escalation_record_fired_at_in_world CHECK (fired_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND fired_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE escalation_record ADD CONSTRAINT ck_escalation_record_notified_at_in_world CHECK (notified_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND notified_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_reported_at_in_world CHECK (reported_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND reported_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_accepted_at_in_world CHECK (accepted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND accepted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_closed_out_at_in_world CHECK (closed_out_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND closed_out_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_confirmed_at_in_world CHECK (confirmed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND confirmed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_deadline_in_world CHECK (deadline BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_rectified_at_in_world CHECK (rectified_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND rectified_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_registered_at_in_world CHECK (registered_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND registered_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE holiday_calendar_day ADD CONSTRAINT ck_holiday_calendar_day_date_in_world CHECK (date BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE holiday_calendar_day ADD CONSTRAINT ck_holiday_calendar_day_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_day_in_world CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_refreshed_at_in_world CHECK (refreshed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND refreshed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_generation_mark ADD CONSTRAINT ck_inspection_generation_mark_ran_at_in_world CHECK (ran_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND ran_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_generation_mark ADD CONSTRAINT ck_inspection_generation_mark_generated_until_in_world CHECK (generated_until >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND generated_until < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE notification ADD CONSTRAINT ck_notification_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE notification ADD CONSTRAINT ck_notification_read_at_in_world CHECK (read_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND read_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE photo ADD CONSTRAINT ck_photo_uploaded_at_in_world CHECK (uploaded_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND uploaded_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_completed_at_in_world CHECK (completed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND completed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE statistics_refresh_mark ADD CONSTRAINT ck_statistics_refresh_mark_ran_at_in_world CHECK (ran_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND ran_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deadline_extension_request ADD CONSTRAINT ck_deadline_extension_request_previous_deadline_in_world CHECK (previous_deadline BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE deadline_extension_request ADD CONSTRAINT ck_deadline_extension_request_requested_deadline_in_world CHECK (requested_deadline BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE deadline_extension_request ADD CONSTRAINT ck_deadline_extension_request_requested_at_in_world CHECK (requested_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND requested_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deadline_extension_request ADD CONSTRAINT ck_deadline_extension_request_decided_at_in_world CHECK (decided_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND decided_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE hidden_danger_history_entry ADD CONSTRAINT ck_hidden_danger_history_entry_at_in_world CHECK (at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_reported_to_regulator_at_in_world CHECK (reported_to_regulator_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND reported_to_regulator_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_workers_congress_at_in_world CHECK (reported_to_workers_congress_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND reported_to_workers_congress_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_posting_deadline_in_world CHECK (posting_deadline BETWEEN DATE '2000-01-01' AND DATE '2100-12-31') NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_posted_at_in_world CHECK (posted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND posted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE notification_delivery ADD CONSTRAINT ck_notification_delivery_next_attempt_at_in_world CHECK (next_attempt_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND next_attempt_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE notification_delivery ADD CONSTRAINT ck_notification_delivery_delivered_at_in_world CHECK (delivered_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND delivered_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE notification_delivery ADD CONSTRAINT ck_notification_delivery_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_band_table ADD CONSTRAINT ck_risk_band_table_effective_from_in_world CHECK (effective_from >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND effective_from < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE app_user ADD CONSTRAINT ck_app_user_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE app_user ADD CONSTRAINT ck_app_user_lockout_end_in_world CHECK (lockout_end >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND lockout_end < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE import_mapping_profile ADD CONSTRAINT ck_import_mapping_profile_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE import_run ADD CONSTRAINT ck_import_run_committed_at_in_world CHECK (committed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND committed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_object ADD CONSTRAINT ck_risk_analysis_object_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_object ADD CONSTRAINT ck_risk_analysis_object_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_object ADD CONSTRAINT ck_risk_analysis_object_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_unit ADD CONSTRAINT ck_risk_analysis_unit_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_unit ADD CONSTRAINT ck_risk_analysis_unit_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_analysis_unit ADD CONSTRAINT ck_risk_analysis_unit_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deactivation_record ADD CONSTRAINT ck_deactivation_record_stop_start_at_in_world CHECK (stop_start_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND stop_start_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deactivation_record ADD CONSTRAINT ck_deactivation_record_stop_end_at_in_world CHECK (stop_end_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND stop_end_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deactivation_record ADD CONSTRAINT ck_deactivation_record_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deactivation_record ADD CONSTRAINT ck_deactivation_record_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE deactivation_record ADD CONSTRAINT ck_deactivation_record_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_first_start_at_in_world CHECK (first_start_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND first_start_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_deleted_at_in_world CHECK (deleted_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND deleted_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task ADD CONSTRAINT ck_inspection_task_window_start_in_world CHECK (window_start >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND window_start < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task ADD CONSTRAINT ck_inspection_task_window_end_in_world CHECK (window_end >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND window_end < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_task ADD CONSTRAINT ck_inspection_task_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_checked_at_in_world CHECK (checked_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND checked_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08') NOT VALID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_occurred_at_in_world;
                ALTER TABLE escalation_record DROP CONSTRAINT ck_escalation_record_fired_at_in_world;
                ALTER TABLE escalation_record DROP CONSTRAINT ck_escalation_record_notified_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_reported_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_deleted_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_created_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_updated_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_accepted_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_closed_out_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_confirmed_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_deadline_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_rectified_at_in_world;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_registered_at_in_world;
                ALTER TABLE holiday_calendar_day DROP CONSTRAINT ck_holiday_calendar_day_date_in_world;
                ALTER TABLE holiday_calendar_day DROP CONSTRAINT ck_holiday_calendar_day_updated_at_in_world;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_day_in_world;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_refreshed_at_in_world;
                ALTER TABLE inspection_generation_mark DROP CONSTRAINT ck_inspection_generation_mark_ran_at_in_world;
                ALTER TABLE inspection_generation_mark DROP CONSTRAINT ck_inspection_generation_mark_generated_until_in_world;
                ALTER TABLE notification DROP CONSTRAINT ck_notification_created_at_in_world;
                ALTER TABLE notification DROP CONSTRAINT ck_notification_read_at_in_world;
                ALTER TABLE photo DROP CONSTRAINT ck_photo_uploaded_at_in_world;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_created_at_in_world;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_completed_at_in_world;
                ALTER TABLE statistics_refresh_mark DROP CONSTRAINT ck_statistics_refresh_mark_ran_at_in_world;
                ALTER TABLE deadline_extension_request DROP CONSTRAINT ck_deadline_extension_request_previous_deadline_in_world;
                ALTER TABLE deadline_extension_request DROP CONSTRAINT ck_deadline_extension_request_requested_deadline_in_world;
                ALTER TABLE deadline_extension_request DROP CONSTRAINT ck_deadline_extension_request_requested_at_in_world;
                ALTER TABLE deadline_extension_request DROP CONSTRAINT ck_deadline_extension_request_decided_at_in_world;
                ALTER TABLE hidden_danger_history_entry DROP CONSTRAINT ck_hidden_danger_history_entry_at_in_world;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_reported_to_regulator_at_in_world;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_workers_congress_at_in_world;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_posting_deadline_in_world;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_posted_at_in_world;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_updated_at_in_world;
                ALTER TABLE notification_delivery DROP CONSTRAINT ck_notification_delivery_next_attempt_at_in_world;
                ALTER TABLE notification_delivery DROP CONSTRAINT ck_notification_delivery_delivered_at_in_world;
                ALTER TABLE notification_delivery DROP CONSTRAINT ck_notification_delivery_created_at_in_world;
                ALTER TABLE risk_band_table DROP CONSTRAINT ck_risk_band_table_effective_from_in_world;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_created_at_in_world;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_updated_at_in_world;
                ALTER TABLE app_user DROP CONSTRAINT ck_app_user_created_at_in_world;
                ALTER TABLE app_user DROP CONSTRAINT ck_app_user_lockout_end_in_world;
                ALTER TABLE import_mapping_profile DROP CONSTRAINT ck_import_mapping_profile_updated_at_in_world;
                ALTER TABLE import_run DROP CONSTRAINT ck_import_run_committed_at_in_world;
                ALTER TABLE major_hazard_source DROP CONSTRAINT ck_major_hazard_source_deleted_at_in_world;
                ALTER TABLE major_hazard_source DROP CONSTRAINT ck_major_hazard_source_created_at_in_world;
                ALTER TABLE major_hazard_source DROP CONSTRAINT ck_major_hazard_source_updated_at_in_world;
                ALTER TABLE risk_analysis_object DROP CONSTRAINT ck_risk_analysis_object_deleted_at_in_world;
                ALTER TABLE risk_analysis_object DROP CONSTRAINT ck_risk_analysis_object_created_at_in_world;
                ALTER TABLE risk_analysis_object DROP CONSTRAINT ck_risk_analysis_object_updated_at_in_world;
                ALTER TABLE risk_analysis_unit DROP CONSTRAINT ck_risk_analysis_unit_deleted_at_in_world;
                ALTER TABLE risk_analysis_unit DROP CONSTRAINT ck_risk_analysis_unit_created_at_in_world;
                ALTER TABLE risk_analysis_unit DROP CONSTRAINT ck_risk_analysis_unit_updated_at_in_world;
                ALTER TABLE deactivation_record DROP CONSTRAINT ck_deactivation_record_stop_start_at_in_world;
                ALTER TABLE deactivation_record DROP CONSTRAINT ck_deactivation_record_stop_end_at_in_world;
                ALTER TABLE deactivation_record DROP CONSTRAINT ck_deactivation_record_deleted_at_in_world;
                ALTER TABLE deactivation_record DROP CONSTRAINT ck_deactivation_record_created_at_in_world;
                ALTER TABLE deactivation_record DROP CONSTRAINT ck_deactivation_record_updated_at_in_world;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_deleted_at_in_world;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_created_at_in_world;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_updated_at_in_world;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_deleted_at_in_world;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_created_at_in_world;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_updated_at_in_world;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_deleted_at_in_world;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_created_at_in_world;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_updated_at_in_world;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_first_start_at_in_world;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_deleted_at_in_world;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_created_at_in_world;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_updated_at_in_world;
                ALTER TABLE inspection_task DROP CONSTRAINT ck_inspection_task_window_start_in_world;
                ALTER TABLE inspection_task DROP CONSTRAINT ck_inspection_task_window_end_in_world;
                ALTER TABLE inspection_task DROP CONSTRAINT ck_inspection_task_created_at_in_world;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_checked_at_in_world;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_created_at_in_world;
                """);

            migrationBuilder.Sql(
                """
                DROP TRIGGER inspection_task_truncated ON inspection_task;
                DROP TRIGGER inspection_task_deleted ON inspection_task;
                DROP FUNCTION dp_forget_all_generation_marks();
                DROP FUNCTION dp_forget_generation_marks();
                """);

            migrationBuilder.DropColumn(
                name: "on_behalf_reason",
                table: "inspection_record");
        }
    }
}
