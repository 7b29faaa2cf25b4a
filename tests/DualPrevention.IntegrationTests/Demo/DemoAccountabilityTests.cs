using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Dashboards;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Demo;

/// <summary>包保 is alive at first sign-in: the told demo has its major hazard sources, their persons, their tasks and non-zero rates.</summary>
public class DemoAccountabilityTests(DemoStoryDatabase database) : IClassFixture<DemoStoryDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private Guid[] Enterprises => [database.Qd1, database.Qd2, database.Wf1];

    [Fact]
    public async Task Every_demo_register_naming_a_major_hazard_source_has_it_registered_with_three_persons_and_linked_units()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var sources = await db.MajorHazardSources.ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => (u.UserName, u.EnterpriseId));

        sources.Select(s => s.EnterpriseId).ShouldBe(Enterprises, ignoreOrder: true);
        // Each in its own county's registration code: the enterprises import the same sample.
        sources.ToDictionary(s => s.EnterpriseId, s => s.HazardCode).ShouldBe(new Dictionary<Guid, string>
        {
            [database.Qd1] = "370211001",
            [database.Qd2] = "370214001",
            [database.Wf1] = "370772001",
        });
        foreach (var source in sources)
        {
            (await db.RiskAnalysisObjects.Where(o => o.MajorHazardSourceId == source.Id).Select(o => o.HazardCode).SingleAsync()).ShouldBe(source.HazardCode);
            source.Level.ShouldBe(MajorHazardLevel.Level1);
            var persons = new[] { source.PrincipalResponsibleUserId, source.TechnicalResponsibleUserId, source.OperationalResponsibleUserId }
                .Select(id => users[id!.Value]).ToList();
            persons.Select(p => p.UserName!.Split('-')[^1]).ShouldBe(["principal", "technical", "operator"]);
            persons.ShouldAllBe(p => p.EnterpriseId == source.EnterpriseId);
            (await db.RiskAnalysisObjects.CountAsync(o => o.MajorHazardSourceId == source.Id)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task The_events_under_the_demos_level_1_sources_are_graded_major_by_direct_judgement_not_by_their_scores_bands()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var held = await (
                from e in db.RiskEvents
                join u in db.RiskAnalysisUnits on e.UnitId equals u.Id
                join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
                where o.MajorHazardSourceId != null
                select new { e.Level, e.DirectJudgementRuleId })
            .ToListAsync();

        held.ShouldNotBeEmpty();
        held.ShouldAllBe(e => e.Level == RiskLevel.Major);
        held.ShouldContain(e => e.DirectJudgementRuleId != null, "some of the tank farm's events score below 重大 and are lifted (ADR 0033)");
    }

    [Fact]
    public async Task Each_person_has_the_tasks_of_the_role_and_the_operational_person_completes_most_weekly_windows()
    {
        foreach (var enterprise in Enterprises)
        {
            var view = await AccountabilityAsync(enterprise);

            view.Units.ShouldNotBeEmpty();
            view.Roles.Select(r => r.TaskType).ShouldBe(InspectionTaskTypes.Accountability.Members);
            foreach (var role in view.Roles)
            {
                role.PersonName.ShouldNotBeNull();
                role.Tasks.ShouldNotBeEmpty();
                role.Tasks.ShouldAllBe(t => t.AssigneeName == role.PersonName);
                role.Tasks.Where(t => t.ItemNo != null).Select(t => t.ItemNo!.Value)
                    .ShouldBe(AccountabilityTaskList.Of(role.TaskType).Select(i => i.No), ignoreOrder: true, "the first sign-in shows each person's list");
            }

            var operational = view.Roles.Single(r => r.TaskType == InspectionTaskType.OperationalResponsible);
            operational.Tasks.ShouldAllBe(t => t.CycleValue == 7 && t.CycleUnit == CycleUnit.Day);
            operational.Judged.ShouldBeGreaterThanOrEqualTo(8, "eight weeks of the story have ended");
            operational.Rate.ShouldNotBeNull().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task The_task_board_the_compliance_report_and_the_dashboard_show_a_non_zero_accountability_rate()
    {
        await RefreshStatisticsAsync();
        await using var driver = new RegisterDriver(database);
        var weeks = new List<SummarizeAccountabilityCompletion.Role>();
        for (var week = 1; week <= 4; week++)
        {
            var board = await driver.RunAsync<SummarizeAccountabilityCompletion.Handler, SummarizeAccountabilityCompletion.Result>(
                RegisterDriver.EnterpriseUser(database.Qd1), h => h.HandleAsync(new SummarizeAccountabilityCompletion.Query(Today.AddDays(-7 * week), BoardPeriodKind.Week), default));
            weeks.Add(board.Roles.Single(r => r.TaskType == InspectionTaskType.OperationalResponsible));
        }

        var november = ReportPeriod.Month(2026, 11);
        var report = await driver.RunAsync<ComputeComplianceReport.Handler, ComputeComplianceReport.Result>(
            RegisterDriver.Regulator("370000", Roles.ProvinceStaff), h => h.HandleAsync(new ComputeComplianceReport.Query(november), default));
        var dashboard = await driver.RunAsync<GetDashboard.Handler, GetDashboard.Result>(
            RegisterDriver.Regulator("370000", Roles.ProvinceStaff), h => h.HandleAsync(new GetDashboard.Query(november), default));

        var weekly = AccountabilityTaskList.Of(InspectionTaskType.OperationalResponsible).Count() + 1;
        weeks.ShouldAllBe(w => w.Due == weekly, "the 操作负责人's ten list items and the sample register's own weekly check, one window each a week");
        weeks.ShouldAllBe(w => w.Rate >= 90, "demo-qd1 keeps most of them");
        foreach (var enterprise in Enterprises)
        {
            report.Rows.Single(r => r.EnterpriseId == enterprise).Metrics.AccountabilityRate.ShouldNotBeNull().ShouldBeGreaterThan(0m);
        }

        dashboard.Kpis.AccountabilityPercent.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    private async Task<GetMajorHazardAccountability.Result> AccountabilityAsync(Guid enterprise)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var sourceId = await db.MajorHazardSources.Where(m => m.EnterpriseId == enterprise).Select(m => m.Id).SingleAsync();
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(
            RegisterDriver.EnterpriseUser(enterprise), h => h.HandleAsync(sourceId, default));
    }

    private async Task RefreshStatisticsAsync()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(CancellationToken.None);
    }
}
