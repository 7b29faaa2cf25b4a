using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Risks.Grading;

/// <summary>Direct-judgement rules (ADR 0033): a matching rule lifts an event's level, the city's version beats the province's from its effective time, and only a region's own regulators issue its rules.</summary>
public class DirectJudgementRuleTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Actor Province = RegisterDriver.Regulator("370000", Roles.ProvinceStaff);

    [Fact]
    public async Task An_event_of_a_unit_holding_a_level_2_major_hazard_source_is_graded_major_whatever_its_score_and_says_why()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var held = await UnitHoldingAsync(driver, admin, "DJ-HELD", MajorHazardLevel.Level2);
        var plain = await driver.CreateUnitAsync(admin, await driver.CreateObjectAsync(admin, "DJ-PLAIN"), "普通罐组");

        var lifted = await driver.CreateEventAsync(admin, held, "储罐泄漏", 2, 3);
        var banded = await driver.CreateEventAsync(admin, plain, "储罐泄漏", 2, 3);

        var history = await HistoryAsync(driver, admin, lifted);
        var row = history.ShouldHaveSingleItem();
        (row.Score, row.Level).ShouldBe((6m, RiskLevel.Major));
        row.DirectJudgement.ShouldBe(new GetRiskEventAssessments.AppliedDirectJudgement(
            DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major, SeedRiskBandTables.ProvinceCode, 1));
        var plainRow = (await HistoryAsync(driver, admin, banded)).ShouldHaveSingleItem();
        (plainRow.Level, plainRow.DirectJudgement).ShouldBe((RiskLevel.Low, null));
    }

    [Fact]
    public async Task A_rule_lifts_but_never_lowers_and_a_level_3_source_is_not_held_by_the_level_1_or_2_rule()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        var level3 = await UnitHoldingAsync(driver, admin, "DJ-L3", MajorHazardLevel.Level3);
        await IssueAsync(driver, Province, new("370200", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.General));

        var low = await driver.CreateEventAsync(admin, level3, "低分事件", 1, 2);
        var major = await driver.CreateEventAsync(admin, level3, "高分事件", 5, 5);

        var lifted = (await HistoryAsync(driver, admin, low)).Single();
        (lifted.Level, lifted.DirectJudgement?.Condition, lifted.DirectJudgement?.RegionCode).ShouldBe((RiskLevel.General, DirectJudgementCondition.HoldsMajorHazardSource, "370200"));
        var kept = (await HistoryAsync(driver, admin, major)).Single();
        (kept.Level, kept.DirectJudgement).ShouldBe((RiskLevel.Major, null));
    }

    [Fact]
    public async Task Linking_an_object_to_a_level_1_source_re_grades_its_assessed_events_at_once_and_unlinking_returns_them_to_their_band()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var source = await SourceAsync(driver, admin, "DJ-LINK", MajorHazardLevel.Level1);
        var objectId = await driver.RunAsync<CreateRiskAnalysisObject.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new RiskAnalysisObjectDetails(RiskObjectType.MajorHazardSource, "DJ-LINK", "后来登记的罐区", null, null, null)), default));
        var unit = await driver.CreateUnitAsync(admin, objectId, "后来关联的罐组");
        var low = await driver.CreateEventAsync(admin, unit, "储罐泄漏", 2, 3);

        await LinkAsync(driver, admin, objectId, source);
        var linked = await HistoryAsync(driver, admin, low);
        await LinkAsync(driver, admin, objectId, null);
        var unlinked = await HistoryAsync(driver, admin, low);

        linked.Select(r => r.Level).ShouldBe([RiskLevel.Major, RiskLevel.Low], "newest first: lifted at once, not at the next assessment");
        (linked[0].Score, linked[0].DirectJudgement?.Condition).ShouldBe((6m, DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource));
        (unlinked[0].Level, unlinked[0].DirectJudgement).ShouldBe((RiskLevel.Low, null));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.RiskEvents.Where(e => e.Id == low).Select(e => e.Level).SingleAsync()).ShouldBe(RiskLevel.Low);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(RiskEvent) && a.EntityId == low.ToString() && a.UserName == "tester"))
            .ShouldBeGreaterThanOrEqualTo(2, "each re-grade is in the audit trail");
    }

    [Fact]
    public async Task Changing_a_sources_level_re_grades_the_events_it_holds_and_lowering_it_returns_them_to_their_band_never_below()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        var unit = await UnitHoldingAsync(driver, admin, "DJ-REGRADE", MajorHazardLevel.Level3);
        // Banded 一般 and 较大: a rule of this class lifting any source's events to 一般 changes neither.
        var general = await driver.CreateEventAsync(admin, unit, "一般事件", 3, 3);
        var significant = await driver.CreateEventAsync(admin, unit, "较大事件", 3, 5);
        var source = await SourceIdAsync("DJ-REGRADE");

        await GradeSourceAsync(driver, admin, source, "DJ-REGRADE", MajorHazardLevel.Level2);
        var raised = (await HistoryAsync(driver, admin, general))[0].Level;
        await GradeSourceAsync(driver, admin, source, "DJ-REGRADE", MajorHazardLevel.Level4);

        raised.ShouldBe(RiskLevel.Major);
        (await HistoryAsync(driver, admin, general)).Select(r => r.Level).ShouldBe([RiskLevel.General, RiskLevel.Major, RiskLevel.General]);
        (await HistoryAsync(driver, admin, significant)).Select(r => r.Level).ShouldBe([RiskLevel.Significant, RiskLevel.Major, RiskLevel.Significant], "back to its band, not below it");
    }

    [Fact]
    public async Task A_city_version_overrides_the_province_default_for_its_enterprises_only_from_its_effective_time()
    {
        await using var driver = new RegisterDriver(database);
        var weifang = RegisterDriver.EnterpriseUser(database.Wf1);
        var qingdao = RegisterDriver.EnterpriseUser(database.Qd1);
        var wfUnit = await UnitHoldingAsync(driver, weifang, "DJ-CITY", MajorHazardLevel.Level1);
        var qdUnit = await UnitHoldingAsync(driver, qingdao, "DJ-CITY", MajorHazardLevel.Level1);
        var reviewer = RegisterDriver.Regulator("370700");
        var effective = database.Clock.GetUtcNow().AddDays(1);

        // Weifang switches the province's rule off from tomorrow: until then the province default still applies.
        await IssueAsync(driver, reviewer, new("370700", DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major, IsEnabled: false, EffectiveFrom: effective));
        var before = await driver.CreateEventAsync(weifang, wfUnit, "切换前", 1, 1);
        database.Clock.Advance(TimeSpan.FromDays(2));
        var after = await driver.CreateEventAsync(weifang, wfUnit, "切换后", 1, 1);
        var elsewhere = await driver.CreateEventAsync(qingdao, qdUnit, "切换后", 1, 1);

        (await HistoryAsync(driver, weifang, before)).Single().Level.ShouldBe(RiskLevel.Major);
        (await HistoryAsync(driver, weifang, after)).Single().Level.ShouldBe(RiskLevel.Low);
        (await HistoryAsync(driver, qingdao, elsewhere)).Single().Level.ShouldBe(RiskLevel.Major, "Qingdao keeps the province default");
        var seen = await driver.RunAsync<ListDirectJudgementRules.Handler, IReadOnlyList<ListDirectJudgementRules.Row>>(reviewer, h => h.HandleAsync(reviewer, default));
        seen.Where(r => r.InForce).Select(r => (r.RegionCode, r.IsEnabled)).ShouldBe([("370000", true), ("370700", false)], ignoreOrder: true);
    }

    [Fact]
    public async Task A_city_cannot_issue_the_provinces_or_another_citys_rules_and_an_enterprise_cannot_issue_or_list_any()
    {
        await using var driver = new RegisterDriver(database);
        var qingdao = RegisterDriver.Regulator("370200");
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);

        foreach (var region in new[] { "370000", "370700" })
        {
            var refusal = await Should.ThrowAsync<ValidationException>(() => IssueAsync(driver, qingdao, new(region, DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Significant)));
            refusal.Errors.Select(e => e.PropertyName).ShouldBe([nameof(CreateDirectJudgementRuleVersion.Command.RegionCode)]);
        }

        await Should.ThrowAsync<DomainRuleException>(() => IssueAsync(driver, admin, new("370200", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Significant)));
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<ListDirectJudgementRules.Handler, IReadOnlyList<ListDirectJudgementRules.Row>>(admin, h => h.HandleAsync(admin, default)));
        var seen = await driver.RunAsync<ListDirectJudgementRules.Handler, IReadOnlyList<ListDirectJudgementRules.Row>>(qingdao, h => h.HandleAsync(qingdao, default));
        seen.ShouldAllBe(r => r.RegionCode == "370000" || r.RegionCode == "370200");
    }

    [Fact]
    public async Task Row_level_security_refuses_a_citys_write_of_the_provinces_rule_but_lets_every_scope_read_it()
    {
        await using (var city = database.AppContext(TenantScope.ForRegion("370200")))
        {
            city.DirectJudgementRules.Add(DirectJudgementRule.Create("370000", DirectJudgementCondition.HoldsMajorHazardSource, 99, RiskLevel.Major, true, database.Clock.GetUtcNow(), "intruder", database.Clock.GetUtcNow()));
            await Should.ThrowAsync<DbUpdateException>(() => city.SaveChangesAsync());
        }

        await using var enterprise = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        (await enterprise.DirectJudgementRules.AnyAsync(r => r.RegionCode == SeedRiskBandTables.ProvinceCode)).ShouldBeTrue();
    }

    [Fact]
    public async Task Issuing_a_version_is_numbered_never_backdated_and_written_to_the_audit_trail()
    {
        await using var driver = new RegisterDriver(database);
        var reviewer = RegisterDriver.Regulator("371000");

        var backdated = await Should.ThrowAsync<ValidationException>(() => IssueAsync(driver, reviewer,
            new("371000", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Significant, EffectiveFrom: database.Clock.GetUtcNow().AddDays(-1))));
        backdated.Errors.Select(e => e.PropertyName).ShouldBe([nameof(CreateDirectJudgementRuleVersion.Command.EffectiveFrom)]);
        var low = await Should.ThrowAsync<ValidationException>(() => IssueAsync(driver, reviewer, new("371000", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Low)));
        low.Errors.Select(e => e.PropertyName).ShouldBe([nameof(CreateDirectJudgementRuleVersion.Command.Level)]);
        await IssueAsync(driver, reviewer, new("371000", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Significant));
        var second = await IssueAsync(driver, reviewer, new("371000", DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.Major));

        await using var db = database.OwnerContext(TenantScope.System);
        var rule = await db.DirectJudgementRules.SingleAsync(r => r.Id == second);
        (rule.Version, rule.IssuedBy).ShouldBe((2, "regulator"));
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(DirectJudgementRule) && a.EntityId == second.ToString());
        (entry.RegionCode, entry.UserName, entry.EnterpriseId).ShouldBe(("371000", "regulator", (Guid?)null));
    }

    private static Task<Guid> IssueAsync(RegisterDriver driver, Actor actor, CreateDirectJudgementRuleVersion.Command command) =>
        driver.RunAsync<CreateDirectJudgementRuleVersion.Handler, Guid>(actor, h => h.HandleAsync(actor, command, default));

    private static Task<IReadOnlyList<GetRiskEventAssessments.Row>> HistoryAsync(RegisterDriver driver, Actor actor, Guid eventId) =>
        driver.RunAsync<GetRiskEventAssessments.Handler, IReadOnlyList<GetRiskEventAssessments.Row>>(actor, h => h.HandleAsync(eventId, default));

    private static Task<Guid> SourceAsync(RegisterDriver driver, Actor admin, string code, MajorHazardLevel level) =>
        driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new MajorHazardSourceDetails(code, $"重大危险源{code}", level, null, null, null, null)), default));

    private async Task<Guid> SourceIdAsync(string code)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.MajorHazardSources.Where(m => m.HazardCode == code).Select(m => m.Id).SingleAsync();
    }

    private static Task GradeSourceAsync(RegisterDriver driver, Actor admin, Guid source, string code, MajorHazardLevel level) =>
        driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h => h.HandleAsync(
            admin, new(source, new MajorHazardSourceDetails(code, $"重大危险源{code}", level, null, null, null, null)), default));

    private static async Task LinkAsync(RegisterDriver driver, Actor admin, Guid objectId, Guid? source)
    {
        var details = (await driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(admin, h => h.HandleAsync(objectId, default))).Details;
        await driver.RunAsync<UpdateRiskAnalysisObject.Handler>(admin, h => h.HandleAsync(admin, new(objectId, details with { MajorHazardSourceId = source }), default));
    }

    /// <summary>A unit under an object linked to a new major hazard source of <paramref name="level"/>.</summary>
    private static async Task<Guid> UnitHoldingAsync(RegisterDriver driver, Actor admin, string code, MajorHazardLevel level)
    {
        var source = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new MajorHazardSourceDetails(code, $"重大危险源{code}", level, null, null, null, null)), default));
        var riskObject = await driver.RunAsync<CreateRiskAnalysisObject.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new RiskAnalysisObjectDetails(RiskObjectType.MajorHazardSource, code, $"对象{code}", null, "李四", source)), default));
        return await driver.CreateUnitAsync(admin, riskObject, $"罐组{code}");
    }
}
