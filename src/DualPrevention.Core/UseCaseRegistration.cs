using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Dashboards;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core;

/// <summary>Registers every use-case handler; pages, endpoints and jobs call them directly.</summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddDualPreventionUseCases(this IServiceCollection services) =>
        services
            .AddScoped<DescribeScope.Handler>()
            .AddScoped<ListRegions.Handler>()
            .AddScoped<ListChemicalParks.Handler>()
            .AddScoped<ListEnterprises.Handler>()
            .AddScoped<GetEnterprise.Handler>()
            .AddScoped<RegisterEnterprise.Handler>()
            .AddScoped<UpdateEnterprise.Handler>()
            .AddScoped<ListAccounts.Handler>()
            .AddScoped<CreateAccount.Handler>()
            .AddScoped<LockAccount.Handler>()
            .AddScoped<ResetAccountPassword.Handler>()
            .AddScoped<ChangeOwnPassword.Handler>()
            .AddScoped<UpdateAccountProfile.Handler>()
            .AddScoped<ListAuditEntries.Handler>()
            .AddScoped<RecordSignIn.Handler>()
            .AddScoped<ListRiskRegister.Handler>()
            .AddScoped<GenerateInspectionTasks.Handler>()
            .AddScoped<CloseInspectionWindows.Handler>()
            .AddScoped<ListInspectionTaskDefinitions.Handler>()
            .AddScoped<ListInspectionAssignees.Handler>()
            .AddScoped<PlanInspectionTask.Handler>()
            .AddScoped<ListDeactivationRecords.Handler>()
            .AddScoped<CreateDeactivationRecord.Handler>()
            .AddScoped<UpdateDeactivationRecord.Handler>()
            .AddScoped<DeleteDeactivationRecord.Handler>()
            .AddScoped<ListHolidayCalendarDays.Handler>()
            .AddScoped<SaveHolidayCalendarDay.Handler>()
            .AddScoped<DeleteHolidayCalendarDay.Handler>()
            .AddScoped<SummarizeInspectionBoard.Handler>()
            .AddScoped<SummarizeAccountabilityCompletion.Handler>()
            .AddScoped<ListMyTasks.Handler>()
            .AddScoped<ListUnitTasks.Handler>()
            .AddScoped<UploadPhoto.Handler>()
            .AddScoped<SubmitInspectionRecord.Handler>()
            .AddScoped<GetPhoto.Handler>()
            .AddScoped<GetHiddenDangerDraft.Handler>()
            .AddScoped<EditHiddenDangerDraft.Handler>()
            .AddSingleton<NotificationHub>()
            .AddScoped<HiddenDangerNotifications>()
            .AddScoped<EscalateHiddenDangers.Handler>()
            .AddScoped<NotifyEscalations.Handler>()
            .AddScoped<DeliverNotifications.Handler>()
            .AddScoped<ListMyNotifications.Handler>()
            .AddScoped<CountMyUnreadNotifications.Handler>()
            .AddScoped<MarkNotificationRead.Handler>()
            .AddScoped<MarkAllNotificationsRead.Handler>()
            .AddScoped<GetRiskRegisterFilterOptions.Handler>()
            .AddScoped<ListRiskAnalysisObjects.Handler>()
            .AddScoped<GetRiskAnalysisObject.Handler>()
            .AddScoped<CreateRiskAnalysisObject.Handler>()
            .AddScoped<UpdateRiskAnalysisObject.Handler>()
            .AddScoped<DeleteRiskAnalysisObject.Handler>()
            .AddScoped<ListRiskAnalysisUnits.Handler>()
            .AddScoped<GetRiskAnalysisUnit.Handler>()
            .AddScoped<CreateRiskAnalysisUnit.Handler>()
            .AddScoped<UpdateRiskAnalysisUnit.Handler>()
            .AddScoped<DeleteRiskAnalysisUnit.Handler>()
            .AddScoped<ListRiskEvents.Handler>()
            .AddScoped<GetRiskEvent.Handler>()
            .AddScoped<CreateRiskEvent.Handler>()
            .AddScoped<UpdateRiskEvent.Handler>()
            .AddScoped<DeleteRiskEvent.Handler>()
            .AddScoped<GetRiskEventAssessments.Handler>()
            .AddScoped<ListControlMeasures.Handler>()
            .AddScoped<GetControlMeasure.Handler>()
            .AddScoped<CreateControlMeasure.Handler>()
            .AddScoped<UpdateControlMeasure.Handler>()
            .AddScoped<DeleteControlMeasure.Handler>()
            .AddScoped<ListMajorHazardSources.Handler>()
            .AddScoped<GetMajorHazardSource.Handler>()
            .AddScoped<CreateMajorHazardSource.Handler>()
            .AddScoped<UpdateMajorHazardSource.Handler>()
            .AddScoped<DeleteMajorHazardSource.Handler>()
            .AddScoped<ListResponsiblePersons.Handler>()
            .AddScoped<ListRiskBandTables.Handler>()
            .AddScoped<GetBandTablesInForce.Handler>()
            .AddScoped<CreateRiskBandTableVersion.Handler>()
            .AddScoped<ExportRiskRegister.Handler>()
            .AddScoped<SummarizeRiskLevels.Handler>()
            .AddScoped<GetRiskNotificationCard.Handler>()
            .AddScoped<ImportRiskControlList.Handler>()
            .AddScoped<GetHiddenDanger.Handler>()
            .AddScoped<GetHiddenDangerPhoto.Handler>()
            .AddScoped<ListMajorHiddenDangerCriteria.Handler>()
            .AddScoped<ReportHiddenDanger.Handler>()
            .AddScoped<ReportHiddenDangerAsRegulator.Handler>()
            .AddScoped<RegisterHiddenDanger.Handler>()
            .AddScoped<ConfirmHiddenDanger.Handler>()
            .AddScoped<InvalidateHiddenDanger.Handler>()
            .AddScoped<SubmitRectification.Handler>()
            .AddScoped<AcceptRectification.Handler>()
            .AddScoped<RejectAcceptance.Handler>()
            .AddScoped<RequestDeadlineExtension.Handler>()
            .AddScoped<DecideDeadlineExtension.Handler>()
            .AddScoped<FixHiddenDangerOnSpot.Handler>()
            .AddScoped<SaveRemediationPlan.Handler>()
            .AddScoped<RecordWorkersCongressReport.Handler>()
            .AddScoped<PostHiddenDanger.Handler>()
            .AddScoped<CloseOutHiddenDanger.Handler>()
            .AddScoped<UploadHiddenDangerPhoto.Handler>()
            .AddScoped<ListHiddenDangers.Handler>()
            .AddScoped<ListCitySupervision.Handler>()
            .AddScoped<ListProvinceSupervision.Handler>()
            .AddScoped<ImportHiddenDangerLedger.Handler>()
            .AddScoped<RefreshInspectionStatistics.Handler>()
            .AddScoped<ComputeComplianceReport.Handler>()
            .AddScoped<RequestReportExport.Handler>()
            .AddScoped<RunReportExport.Handler>()
            .AddScoped<ListReportExports.Handler>()
            .AddScoped<GetReportExport.Handler>()
            .AddScoped<ArchiveMonthlyReports.Handler>()
            .AddScoped<GetDashboard.Handler>()
            .AddOptions()
            .AddScoped<SeedDemoData>()
            .AddScoped<SeedDemoStory>();
}
