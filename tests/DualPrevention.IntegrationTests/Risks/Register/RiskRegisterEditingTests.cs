using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class RiskRegisterEditingTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Deleting_an_object_soft_deletes_everything_below_it_and_frees_its_code()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var plant = await driver.CreateObjectAsync(admin, "E-DEL");
        var unit = await driver.CreateUnitAsync(admin, plant, "储罐");
        var riskEvent = await driver.CreateEventAsync(admin, unit, "泄漏", 2, 3);
        var measure = await driver.CreateMeasureAsync(admin, riskEvent, "液位报警");

        var deleted = await driver.RunAsync<DeleteRiskAnalysisObject.Handler, int>(admin, h => h.HandleAsync(admin, new(plant), default));

        deleted.ShouldBe(4);
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            (await db.ControlMeasures.IgnoreQueryFilters([Core.Data.DualPreventionDbContext.SoftDeleteFilter]).SingleAsync(m => m.Id == measure)).IsDeleted.ShouldBeTrue();
            (await db.RiskEvents.AnyAsync(e => e.Id == riskEvent)).ShouldBeFalse();
            (await db.RiskAssessments.CountAsync(a => a.EventId == riskEvent)).ShouldBe(1, "the assessment history stays");
        }

        await Should.ThrowAsync<NotFoundException>(() => driver.CreateUnitAsync(admin, plant, "新单元"));
        (await driver.CreateObjectAsync(admin, "E-DEL")).ShouldNotBe(plant);
    }

    [Fact]
    public async Task A_natural_key_taken_by_a_live_row_is_refused_with_a_message_naming_it()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var plant = await driver.CreateObjectAsync(admin, "E-DUP");
        var unit = await driver.CreateUnitAsync(admin, plant, "压缩机");
        var riskEvent = await driver.CreateEventAsync(admin, unit, "机械伤害", 2, 2);
        await driver.CreateMeasureAsync(admin, riskEvent, "防护罩完好");

        (await Should.ThrowAsync<DomainRuleException>(() => driver.CreateObjectAsync(admin, " E-DUP "))).Message.ShouldContain("E-DUP");
        (await Should.ThrowAsync<DomainRuleException>(() => driver.CreateUnitAsync(admin, plant, "压缩机"))).Message.ShouldContain("压缩机");
        (await Should.ThrowAsync<DomainRuleException>(() => driver.CreateEventAsync(admin, unit, "机械伤害", 1, 1))).Message.ShouldContain("机械伤害");
        (await Should.ThrowAsync<DomainRuleException>(() => driver.CreateMeasureAsync(admin, riskEvent, "防护罩完好"))).Message.ShouldContain("防护罩完好");
        (await driver.CreateObjectAsync(RegisterDriver.EnterpriseUser(database.Qd2), "E-DUP")).ShouldNotBe(plant, "codes are unique per enterprise only");
    }

    [Fact]
    public async Task Inspectors_and_regulators_cannot_write_and_another_enterprises_rows_are_not_found()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        var plant = await driver.CreateObjectAsync(admin, "E-TENANT");
        var inspector = RegisterDriver.EnterpriseUser(database.Wf1, Roles.Inspector);
        var reviewer = RegisterDriver.Regulator("370700");
        var stranger = RegisterDriver.EnterpriseUser(database.Qd1, Roles.SafetyOfficer);
        var details = new RiskAnalysisObjectDetails(RiskObjectType.Other, "E-TENANT", "改名", null, null, null);

        await Should.ThrowAsync<DomainRuleException>(() => driver.CreateObjectAsync(inspector, "E-INSPECTOR"));
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<DeleteRiskAnalysisObject.Handler, int>(reviewer, h => h.HandleAsync(reviewer, new(plant), default)));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<UpdateRiskAnalysisObject.Handler>(stranger, h => h.HandleAsync(stranger, new(plant, details), default)));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<DeleteRiskAnalysisObject.Handler, int>(stranger, h => h.HandleAsync(stranger, new(plant), default)));
        await Should.ThrowAsync<NotFoundException>(() => driver.CreateUnitAsync(stranger, plant, "劫持单元"));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(stranger, h => h.HandleAsync(plant, default)));
        (await driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(reviewer, h => h.HandleAsync(plant, default))).Details.Name.ShouldBe("对象E-TENANT");
    }

    [Fact]
    public async Task A_measure_whose_classify2_is_outside_its_classify1_is_refused()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var riskEvent = await driver.CreateEventAsync(admin, await driver.CreateUnitAsync(admin, await driver.CreateObjectAsync(admin, "E-CLS"), "泵房"), "泄漏", 2, 2);

        var refused = await Should.ThrowAsync<ValidationException>(() => driver.RunAsync<CreateControlMeasure.Handler, Guid>(admin, h =>
            h.HandleAsync(admin, new(riskEvent, RegisterDriver.Measure("盘根检查", MeasureClassify1.Maintenance) with { Classify2 = "1-2" }), default)));

        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(ControlMeasureDetails.Classify2));
    }

    [Fact]
    public async Task A_major_hazard_source_is_graded_from_its_R_value_and_names_only_its_own_staff()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await using var db = database.OwnerContext(TenantScope.System);
        var own = await db.Users.Where(u => u.EnterpriseId == database.Qd1).Select(u => u.Id).FirstAsync();
        var foreign = await db.Users.Where(u => u.EnterpriseId == database.Wf1).Select(u => u.Id).FirstAsync();
        var details = new MajorHazardSourceDetails("370211001", "罐区", MajorHazardLevel.Level4, 64.5m, own, own, null);

        var id = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(admin, new(details), default));
        var refused = await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h =>
            h.HandleAsync(admin, new(id, details with { OperationalResponsibleUserId = foreign }), default)));

        refused.Message.ShouldNotBeNullOrWhiteSpace();
        var view = await driver.RunAsync<GetMajorHazardSource.Handler, GetMajorHazardSource.View>(admin, h => h.HandleAsync(id, default));
        view.Details.Level.ShouldBe(MajorHazardLevel.Level2);
        view.PrincipalName.ShouldNotBeNull();
        view.Details.OperationalResponsibleUserId.ShouldBeNull();
    }

    [Fact]
    public async Task A_major_hazard_source_linked_to_an_object_cannot_be_deleted()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var source = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h =>
            h.HandleAsync(admin, new(new MajorHazardSourceDetails("370211002", "装置区", MajorHazardLevel.Level3, null, null, null, null)), default));
        await driver.RunAsync<CreateRiskAnalysisObject.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new RiskAnalysisObjectDetails(RiskObjectType.MajorHazardSource, "E-MHS", "装置区", null, null, source)), default));

        var refused = await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<DeleteMajorHazardSource.Handler>(admin, h => h.HandleAsync(admin, new(source), default)));

        refused.Message.ShouldContain("E-MHS");
    }
}
