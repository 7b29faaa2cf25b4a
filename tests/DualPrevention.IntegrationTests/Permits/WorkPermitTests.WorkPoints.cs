using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Permits;

/// <summary>Work points and fences (ADR 0045): kept in plan metres on the enterprise's own scaled plan, frozen with the content.</summary>
public partial class WorkPermitTests
{
    [Fact]
    public async Task A_work_point_and_its_fence_are_kept_in_plan_metres_and_frozen_once_the_permit_leaves_the_draft_GB30871_4_18()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var plan = await PlanAsync(database.Qd1);
        var (id, _) = await ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2), new WorkPointEntry(plan, 100, 50, 15));
        var drawn = new WorkPointEntry(plan, 100, 50, null, [new(90, 40), new(110, 40), new(110, 60), new(90, 60)]);
        await RunAsync<EditWorkPermitDraft.Handler>(services, actor, h => h.HandleAsync(actor, new(id, Content(crew, new HotWorkDetails("电焊", HotWorkGrade.Level2)) with { WorkPoint = drawn }), default));
        var (circled, _) = await ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2), new WorkPointEntry(plan, 100, 50, 15));
        await RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(circled), default));

        var point = (await GetAsync(services, actor, circled)).WorkPoint!;
        (point.SitePlanId, point.X, point.Y, point.FenceRadiusMeters).ShouldBe((plan, 100d, 50d, 15d));
        point.Fence.Count.ShouldBe(32);
        point.Fence.ShouldAllBe(c => Math.Abs(Math.Sqrt(((c.X - 100) * (c.X - 100)) + ((c.Y - 50) * (c.Y - 50))) - 15) < 0.001);
        var edited = (await GetAsync(services, actor, id)).WorkPoint!;
        (edited.FenceRadiusMeters, edited.Fence.Count).ShouldBe((null, 4));
        foreach (var sql in new[]
        {
            $"UPDATE work_permit SET work_point = ST_SetSRID(ST_MakePoint(1, 1), 0) WHERE id = '{circled}'",
            $"UPDATE work_permit SET fence_radius_meters = 20 WHERE id = '{circled}'",
            $"UPDATE work_permit SET site_plan_id = NULL, work_point = NULL, work_fence = NULL, fence_radius_meters = NULL WHERE id = '{circled}'",
        })
        {
            (await Should.ThrowAsync<PostgresException>(() => SqlAsync(sql), sql)).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        }

        await SqlAsync($"UPDATE work_permit SET fence_radius_meters = 20, work_fence = ST_Buffer(work_point, 20, 8) WHERE id = '{id}'");
    }

    [Fact]
    public async Task A_work_point_needs_the_enterprises_own_scaled_plan_and_one_fence_that_holds_the_point()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var othersPlan = await PlanAsync(database.Qd2);
        var plan = await PlanAsync(database.Qd1);

        var foreign = await Should.ThrowAsync<DomainRuleException>(() => ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2), new WorkPointEntry(othersPlan, 10, 10, 15)));
        var outside = await Should.ThrowAsync<ValidationException>(() => ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2),
            new WorkPointEntry(plan, 10, 10, null, [new(90, 40), new(110, 40), new(110, 60)])));
        var both = await Should.ThrowAsync<ValidationException>(() => ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2),
            new WorkPointEntry(plan, 100, 50, 15, [new(90, 40), new(110, 40), new(110, 60)])));
        var huge = await Should.ThrowAsync<ValidationException>(() => ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2), new WorkPointEntry(plan, 100, 50, 501)));

        foreign.Message.ShouldBe(CoreTextOf("Permit.WorkPoint.PlanNotFound"));
        outside.Errors.Select(e => e.PropertyName).ShouldBe(["Content.WorkPoint.FenceCorners"]);
        both.Errors.Select(e => e.PropertyName).ShouldBe(["Content.WorkPoint.FenceRadiusMeters"]);
        huge.Errors.Select(e => e.PropertyName).ShouldBe(["Content.WorkPoint.FenceRadiusMeters"]);
    }

    private static string CoreTextOf(string key) => Core.Localization.CoreText.Get(key);

    /// <summary>A scaled plan of 3000 × 2000 px at 0.1 m per pixel (300 × 200 m) for the enterprise.</summary>
    private async Task<Guid> PlanAsync(Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var plan = SitePlan.Create(enterpriseId, region, $"作业平面图-{Guid.NewGuid():N}"[..20], 3000, 2000, new PlanScale(0, 0, 0.1), database.Clock.GetUtcNow());
        db.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private Task<(Guid Id, string Number)> ApplyAsync(ServiceProvider services, Actor actor, Crew crew, PermitDetails details, WorkPointEntry point) =>
        RunAsync<ApplyForWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor, new(Content(crew, details) with { WorkPoint = point }), default));
}
