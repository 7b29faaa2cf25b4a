using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Risks;
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
            .AddScoped<ListAuditEntries.Handler>()
            .AddScoped<RecordSignIn.Handler>()
            .AddScoped<ListRiskRegister.Handler>()
            .AddScoped<GenerateInspectionTasks.Handler>()
            .AddScoped<CloseInspectionWindows.Handler>()
            .AddSingleton<NotificationHub>()
            .AddScoped<EscalateHiddenDangers.Handler>()
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
            .AddScoped<SeedDemoData>();
}
