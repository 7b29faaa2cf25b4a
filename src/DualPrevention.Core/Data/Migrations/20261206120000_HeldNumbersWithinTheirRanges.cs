using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeldNumbersWithinTheirRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every number within its domain range (ADR 0024): scales of the grading methods
            // (docs/domain/dual-prevention.md#42-the-ls-matrix, docs/domain/dual-prevention.md#45-lec), cycles and
            // accountability items (docs/domain/dual-prevention.md#51-task-definitions), escalation days within the year a
            // deadline may lie ahead (docs/domain/dual-prevention.md#67-deadlines-and-extensions), coordinates on the globe,
            // counters and sizes not negative, and every enumeration within the span of its defined values. NOT VALID, as
            // the dates (ADR 0016): rows from before stay readable and the start-up goes on; new and updated rows are checked.
            // A double precision NaN sorts above every number in PostgreSQL, so an upper bound refuses it too.
            migrationBuilder.Sql(
                """
                ALTER TABLE app_user ADD CONSTRAINT ck_app_user_access_failed_count_in_range CHECK (access_failed_count >= 0) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_accountability_item_no_in_range CHECK (accountability_item_no BETWEEN 1 AND 10) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_cycle_value_in_range CHECK (cycle_value BETWEEN 1 AND 999) NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_latitude_in_range CHECK (latitude BETWEEN -90 AND 90) NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_longitude_in_range CHECK (longitude BETWEEN -180 AND 180) NOT VALID;
                ALTER TABLE escalation_rule ADD CONSTRAINT ck_escalation_rule_days_in_range CHECK (days BETWEEN 0 AND 365) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_acceptance_rejections_in_range CHECK (acceptance_rejections >= 0) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_cost_ten_thousand_yuan_in_range CHECK (cost_ten_thousand_yuan BETWEEN 0 AND 9999999999.99) NOT VALID;
                ALTER TABLE import_run ADD CONSTRAINT ck_import_run_created_in_range CHECK (created >= 0) NOT VALID;
                ALTER TABLE import_run ADD CONSTRAINT ck_import_run_unchanged_in_range CHECK (unchanged >= 0) NOT VALID;
                ALTER TABLE import_run ADD CONSTRAINT ck_import_run_updated_in_range CHECK (updated >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_completed_in_range CHECK (completed >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_due_in_range CHECK (due >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_late_in_range CHECK (late >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_missed_in_range CHECK (missed >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_open_in_range CHECK (open >= 0) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_suspended_in_range CHECK (suspended >= 0) NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_latitude_in_range CHECK (latitude BETWEEN -90 AND 90) NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_longitude_in_range CHECK (longitude BETWEEN -180 AND 180) NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_location_accuracy_metres_in_range CHECK (location_accuracy_metres BETWEEN 0 AND 100000) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_accountability_item_no_in_range CHECK (accountability_item_no BETWEEN 1 AND 10) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_cycle_value_in_range CHECK (cycle_value BETWEEN 1 AND 999) NOT VALID;
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_r_value_in_range CHECK (r_value BETWEEN 0 AND 99999999.99) NOT VALID;
                ALTER TABLE major_hidden_danger_criterion ADD CONSTRAINT ck_major_hidden_danger_criterion_no_in_range CHECK (no >= 1) NOT VALID;
                ALTER TABLE notification_delivery ADD CONSTRAINT ck_notification_delivery_attempts_in_range CHECK (attempts >= 0) NOT VALID;
                ALTER TABLE photo ADD CONSTRAINT ck_photo_size_in_range CHECK (size >= 0) NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_rows_total_in_range CHECK (rows_total >= 0) NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_rows_written_in_range CHECK (rows_written >= 0) NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_size_bytes_in_range CHECK (size_bytes >= 0) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_l_in_range CHECK (l BETWEEN 0.1 AND 10) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_e_in_range CHECK (e BETWEEN 0.5 AND 10) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_c_in_range CHECK (c BETWEEN 1 AND 100) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_s_in_range CHECK (s BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_score_in_range CHECK (score BETWEEN 0 AND 10000) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_l_in_range CHECK (l BETWEEN 0.1 AND 10) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_e_in_range CHECK (e BETWEEN 0.5 AND 10) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_c_in_range CHECK (c BETWEEN 1 AND 100) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_s_in_range CHECK (s BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_score_in_range CHECK (score BETWEEN 0 AND 10000) NOT VALID;
                ALTER TABLE risk_band_table ADD CONSTRAINT ck_risk_band_table_version_in_range CHECK (version >= 1) NOT VALID;
                ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_action_in_range CHECK (action BETWEEN 1 AND 8) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_classify1_in_range CHECK (classify1 BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_control_level_in_range CHECK (control_level BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_cycle_unit_in_range CHECK (cycle_unit BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_data_source_in_range CHECK (data_source BETWEEN 1 AND 2) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_task_type_in_range CHECK (task_type BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE control_measure ADD CONSTRAINT ck_control_measure_work_day_type_in_range CHECK (work_day_type BETWEEN 0 AND 2) NOT VALID;
                ALTER TABLE deadline_extension_request ADD CONSTRAINT ck_deadline_extension_request_decision_in_range CHECK (decision BETWEEN 0 AND 2) NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_kinds_in_range CHECK (kinds BETWEEN 0 AND 31) NOT VALID;
                ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_status_in_range CHECK (status BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE escalation_record ADD CONSTRAINT ck_escalation_record_subject_in_range CHECK (subject BETWEEN 1 AND 2) NOT VALID;
                ALTER TABLE escalation_record ADD CONSTRAINT ck_escalation_record_target_in_range CHECK (target BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE escalation_record ADD CONSTRAINT ck_escalation_record_trigger_in_range CHECK (trigger BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE escalation_rule ADD CONSTRAINT ck_escalation_rule_level_in_range CHECK (level BETWEEN 0 AND 1) NOT VALID;
                ALTER TABLE escalation_rule ADD CONSTRAINT ck_escalation_rule_target_in_range CHECK (target BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE escalation_rule ADD CONSTRAINT ck_escalation_rule_trigger_in_range CHECK (trigger BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_accountability_category_in_range CHECK (accountability_category BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_category_in_range CHECK (category BETWEEN 1 AND 8) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_level_in_range CHECK (level BETWEEN 0 AND 1) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_management_class_in_range CHECK (management_class BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_occurrence_stage_in_range CHECK (occurrence_stage BETWEEN 1 AND 10) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_origin_in_range CHECK (origin BETWEEN 1 AND 5) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_remediation_type_in_range CHECK (remediation_type BETWEEN 0 AND 1) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_source_in_range CHECK (source BETWEEN 1 AND 10) NOT VALID;
                ALTER TABLE hidden_danger ADD CONSTRAINT ck_hidden_danger_state_in_range CHECK (state BETWEEN 0 AND 6) NOT VALID;
                ALTER TABLE hidden_danger_history_entry ADD CONSTRAINT ck_hidden_danger_history_entry_from_state_in_range CHECK (from_state BETWEEN 0 AND 6) NOT VALID;
                ALTER TABLE hidden_danger_history_entry ADD CONSTRAINT ck_hidden_danger_history_entry_to_state_in_range CHECK (to_state BETWEEN 0 AND 6) NOT VALID;
                ALTER TABLE holiday_calendar_day ADD CONSTRAINT ck_holiday_calendar_day_kind_in_range CHECK (kind BETWEEN 1 AND 2) NOT VALID;
                ALTER TABLE import_mapping_profile ADD CONSTRAINT ck_import_mapping_profile_kind_in_range CHECK (kind BETWEEN 1 AND 2) NOT VALID;
                ALTER TABLE import_run ADD CONSTRAINT ck_import_run_kind_in_range CHECK (kind BETWEEN 1 AND 2) NOT VALID;
                ALTER TABLE inspection_daily_statistic ADD CONSTRAINT ck_inspection_daily_statistic_task_type_in_range CHECK (task_type BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_channel_in_range CHECK (channel BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE inspection_record ADD CONSTRAINT ck_inspection_record_result_in_range CHECK (result BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE inspection_task ADD CONSTRAINT ck_inspection_task_status_in_range CHECK (status BETWEEN 0 AND 5) NOT VALID;
                ALTER TABLE inspection_task ADD CONSTRAINT ck_inspection_task_task_type_in_range CHECK (task_type BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_cycle_unit_in_range CHECK (cycle_unit BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_source_in_range CHECK (source BETWEEN 1 AND 10) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_task_type_in_range CHECK (task_type BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE inspection_task_definition ADD CONSTRAINT ck_inspection_task_definition_work_day_type_in_range CHECK (work_day_type BETWEEN 0 AND 2) NOT VALID;
                ALTER TABLE major_hazard_source ADD CONSTRAINT ck_major_hazard_source_level_in_range CHECK (level BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE major_hidden_danger_case ADD CONSTRAINT ck_major_hidden_danger_case_posting_level_in_range CHECK (posting_level BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE notification_delivery ADD CONSTRAINT ck_notification_delivery_status_in_range CHECK (status BETWEEN 0 AND 2) NOT VALID;
                ALTER TABLE photo ADD CONSTRAINT ck_photo_kind_in_range CHECK (kind BETWEEN 0 AND 1) NOT VALID;
                ALTER TABLE region ADD CONSTRAINT ck_region_level_in_range CHECK (level BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_format_in_range CHECK (format BETWEEN 0 AND 2) NOT VALID;
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_status_in_range CHECK (status BETWEEN 0 AND 3) NOT VALID;
                ALTER TABLE risk_analysis_object ADD CONSTRAINT ck_risk_analysis_object_object_type_in_range CHECK (object_type BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_level_in_range CHECK (level BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE risk_assessment ADD CONSTRAINT ck_risk_assessment_method_in_range CHECK (method BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE risk_band_table ADD CONSTRAINT ck_risk_band_table_method_in_range CHECK (method BETWEEN 1 AND 3) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_level_in_range CHECK (level BETWEEN 1 AND 4) NOT VALID;
                ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_method_in_range CHECK (method BETWEEN 1 AND 3) NOT VALID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE app_user DROP CONSTRAINT ck_app_user_access_failed_count_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_accountability_item_no_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_cycle_value_in_range;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_latitude_in_range;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_longitude_in_range;
                ALTER TABLE escalation_rule DROP CONSTRAINT ck_escalation_rule_days_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_acceptance_rejections_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_cost_ten_thousand_yuan_in_range;
                ALTER TABLE import_run DROP CONSTRAINT ck_import_run_created_in_range;
                ALTER TABLE import_run DROP CONSTRAINT ck_import_run_unchanged_in_range;
                ALTER TABLE import_run DROP CONSTRAINT ck_import_run_updated_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_completed_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_due_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_late_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_missed_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_open_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_suspended_in_range;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_latitude_in_range;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_longitude_in_range;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_location_accuracy_metres_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_accountability_item_no_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_cycle_value_in_range;
                ALTER TABLE major_hazard_source DROP CONSTRAINT ck_major_hazard_source_r_value_in_range;
                ALTER TABLE major_hidden_danger_criterion DROP CONSTRAINT ck_major_hidden_danger_criterion_no_in_range;
                ALTER TABLE notification_delivery DROP CONSTRAINT ck_notification_delivery_attempts_in_range;
                ALTER TABLE photo DROP CONSTRAINT ck_photo_size_in_range;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_rows_total_in_range;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_rows_written_in_range;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_size_bytes_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_l_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_e_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_c_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_s_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_score_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_l_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_e_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_c_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_s_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_score_in_range;
                ALTER TABLE risk_band_table DROP CONSTRAINT ck_risk_band_table_version_in_range;
                ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_action_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_classify1_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_control_level_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_cycle_unit_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_data_source_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_task_type_in_range;
                ALTER TABLE control_measure DROP CONSTRAINT ck_control_measure_work_day_type_in_range;
                ALTER TABLE deadline_extension_request DROP CONSTRAINT ck_deadline_extension_request_decision_in_range;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_kinds_in_range;
                ALTER TABLE enterprise DROP CONSTRAINT ck_enterprise_status_in_range;
                ALTER TABLE escalation_record DROP CONSTRAINT ck_escalation_record_subject_in_range;
                ALTER TABLE escalation_record DROP CONSTRAINT ck_escalation_record_target_in_range;
                ALTER TABLE escalation_record DROP CONSTRAINT ck_escalation_record_trigger_in_range;
                ALTER TABLE escalation_rule DROP CONSTRAINT ck_escalation_rule_level_in_range;
                ALTER TABLE escalation_rule DROP CONSTRAINT ck_escalation_rule_target_in_range;
                ALTER TABLE escalation_rule DROP CONSTRAINT ck_escalation_rule_trigger_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_accountability_category_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_category_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_level_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_management_class_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_occurrence_stage_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_origin_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_remediation_type_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_source_in_range;
                ALTER TABLE hidden_danger DROP CONSTRAINT ck_hidden_danger_state_in_range;
                ALTER TABLE hidden_danger_history_entry DROP CONSTRAINT ck_hidden_danger_history_entry_from_state_in_range;
                ALTER TABLE hidden_danger_history_entry DROP CONSTRAINT ck_hidden_danger_history_entry_to_state_in_range;
                ALTER TABLE holiday_calendar_day DROP CONSTRAINT ck_holiday_calendar_day_kind_in_range;
                ALTER TABLE import_mapping_profile DROP CONSTRAINT ck_import_mapping_profile_kind_in_range;
                ALTER TABLE import_run DROP CONSTRAINT ck_import_run_kind_in_range;
                ALTER TABLE inspection_daily_statistic DROP CONSTRAINT ck_inspection_daily_statistic_task_type_in_range;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_channel_in_range;
                ALTER TABLE inspection_record DROP CONSTRAINT ck_inspection_record_result_in_range;
                ALTER TABLE inspection_task DROP CONSTRAINT ck_inspection_task_status_in_range;
                ALTER TABLE inspection_task DROP CONSTRAINT ck_inspection_task_task_type_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_cycle_unit_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_source_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_task_type_in_range;
                ALTER TABLE inspection_task_definition DROP CONSTRAINT ck_inspection_task_definition_work_day_type_in_range;
                ALTER TABLE major_hazard_source DROP CONSTRAINT ck_major_hazard_source_level_in_range;
                ALTER TABLE major_hidden_danger_case DROP CONSTRAINT ck_major_hidden_danger_case_posting_level_in_range;
                ALTER TABLE notification_delivery DROP CONSTRAINT ck_notification_delivery_status_in_range;
                ALTER TABLE photo DROP CONSTRAINT ck_photo_kind_in_range;
                ALTER TABLE region DROP CONSTRAINT ck_region_level_in_range;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_format_in_range;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_status_in_range;
                ALTER TABLE risk_analysis_object DROP CONSTRAINT ck_risk_analysis_object_object_type_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_level_in_range;
                ALTER TABLE risk_assessment DROP CONSTRAINT ck_risk_assessment_method_in_range;
                ALTER TABLE risk_band_table DROP CONSTRAINT ck_risk_band_table_method_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_level_in_range;
                ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_method_in_range;
                """);
        }
    }
}
