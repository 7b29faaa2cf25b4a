using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Permits;

/// <summary>
/// The exclusion rules on PostgreSQL (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions): the
/// signature that issues a permit and the start check it against the enterprise's issued permits. Each test plans its
/// permits on its own day, so the others' permits do not overlap them.
/// </summary>
public partial class WorkPermitTests
{
    [Fact]
    public async Task SIM_4_GB30871_7_6_the_issuing_signature_is_refused_within_30_m_of_an_issued_blind_plate_and_passes_beyond()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var plan = await PlanAsync(database.Qd1);
        var day = TimeSpan.FromDays(10);
        var (plate, plateNumber) = await PlannedAsync(services, actor, crew, day, BlindPlateAt(plan, 100, 50));
        await IssueAsync(services, actor, crew, plate);
        var (near, _) = await PlannedAsync(services, actor, crew, day, HotWorkAt(plan, 100, 80));
        var (beyond, _) = await PlannedAsync(services, actor, crew, day, HotWorkAt(plan, 100, 80.5));

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => IssueAsync(services, actor, crew, near));
        await IssueAsync(services, actor, crew, beyond);

        refused.Refusals.Select(r => (r.Key, r.Args[1], r.Args[2])).ShouldBe([("Permit.Simops.ConflictAt", (object?)plateNumber, (object?)30d)]);
        refused.Message.ShouldContain(plateNumber);
        (await GetAsync(services, actor, near)).Status.ShouldBe(WorkPermitStatus.InApproval);
        (await GetAsync(services, actor, beyond)).Status.ShouldBe(WorkPermitStatus.Approved);
    }

    [Fact]
    public async Task Without_a_work_point_the_distance_rule_is_confirmed_by_a_named_person_before_the_permit_is_issued_and_another_enterprise_sees_nothing()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var other = await AccountActorAsync(database.Qd2, "demo-qd2-admin");
        var crew = await CrewAsync(database.Qd1);
        var plan = await PlanAsync(database.Qd1);
        var day = TimeSpan.FromDays(20);
        var (plate, _) = await PlannedAsync(services, actor, crew, day, Content(crew, new BlindPlateDetails(BlindPlateAction.Remove, "P-301", "氮气", 20m, 0.1m, "碳钢", "DN50", "MB-09")));
        await IssueAsync(services, actor, crew, plate);
        var (hot, _) = await PlannedAsync(services, actor, crew, day, HotWorkAt(plan, 10, 10));

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => IssueAsync(services, actor, crew, hot));
        var pending = await ChecksAsync(services, actor, hot);
        await Should.ThrowAsync<NotFoundException>(() => ChecksAsync(services, other, hot));
        await Should.ThrowAsync<NotFoundException>(() => ConfirmAsync(services, other, hot, SimultaneousRule.HotWorkNearBlindPlate, plate, crew.Guardian));
        var nothing = await Should.ThrowAsync<PermitRefusedException>(() => ConfirmAsync(services, actor, hot, SimultaneousRule.HotWorkNearPainting, plate, crew.Guardian));
        await ConfirmAsync(services, actor, hot, SimultaneousRule.HotWorkNearBlindPlate, plate, crew.Guardian);
        await Should.ThrowAsync<ConflictException>(() => ConfirmAsync(services, actor, hot, SimultaneousRule.HotWorkNearBlindPlate, plate, crew.Guardian));
        await SignRemainingAsync(services, actor, hot);

        refused.Refusals.Select(r => r.Key).ShouldBe(["Permit.Simops.ConfirmByHand"]);
        pending.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => (i.Rule, i.OtherPermitId, i.Measured, i.Blocks).ShouldBe((SimultaneousRule.HotWorkNearBlindPlate, plate, false, true)));
        nothing.Refusals.Single().Key.ShouldBe("Permit.Simops.NothingToConfirm");
        (await ChecksAsync(services, actor, hot)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => (i.ConfirmedByName, i.Blocks).ShouldBe(("监护人乙", false)));
        (await GetAsync(services, actor, hot)).Status.ShouldBe(WorkPermitStatus.Approved);
        (await ChecksAsync(services, actor, plate)).ShouldHaveSingleItem().Blocks.ShouldBeTrue();
    }

    [Fact]
    public async Task SIM_3_GB30871_7_10_a_second_blind_plate_on_the_same_pipeline_is_refused_and_the_start_checks_again()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var plan = await PlanAsync(database.Qd1);
        var day = TimeSpan.FromDays(30);
        var (first, _) = await PlannedAsync(services, actor, crew, day, BlindPlateAt(plan, 10, 10, "P-501"));
        var (second, _) = await PlannedAsync(services, actor, crew, day, BlindPlateAt(plan, 200, 150, "p-501"));
        await IssueAsync(services, actor, crew, first);

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => IssueAsync(services, actor, crew, second));
        var (hot, _) = await PlannedAsync(services, actor, crew, day, HotWorkAt(plan, 10, 20));
        await SendAndSignAllButLastAsync(services, actor, crew, hot);
        var signing = await Should.ThrowAsync<PermitRefusedException>(() => SignRemainingAsync(services, actor, hot));
        var (unplaced, _) = await PlannedAsync(services, actor, crew, day, Content(crew, new HotWorkDetails("气割", HotWorkGrade.Level2)));
        await SendAndSignAllButLastAsync(services, actor, crew, unplaced);
        await ConfirmAsync(services, actor, unplaced, SimultaneousRule.HotWorkNearBlindPlate, first, crew.Guardian);
        await SignRemainingAsync(services, actor, unplaced);
        var starting = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<StartWork.Handler>(services, actor, h => h.HandleAsync(actor, new(first, new WeatherConditions(2)), default)));

        refused.Refusals.Single().Key.ShouldBe("Permit.Simops.Conflict");
        signing.Refusals.Single().Key.ShouldBe("Permit.Simops.ConflictAt");
        starting.Refusals.Select(r => r.Key).ShouldContain("Permit.Simops.ConfirmByHand");
    }

    private WorkPermitContent HotWorkAt(Guid plan, double x, double y) =>
        Content(CrewOf, new HotWorkDetails("电焊", HotWorkGrade.Level2)) with { WorkPoint = new WorkPointEntry(plan, x, y, 10) };

    private WorkPermitContent BlindPlateAt(Guid plan, double x, double y, string pipe = "P-101") =>
        Content(CrewOf, new BlindPlateDetails(BlindPlateAction.Insert, pipe, "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-01")) with { WorkPoint = new WorkPointEntry(plan, x, y, 5) };

    /// <summary>The people of the content are replaced by the crew when applying; the point and details are what matter here.</summary>
    private static Crew CrewOf => new(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);

    /// <summary>Applies <paramref name="content"/> with the crew, planned <paramref name="day"/> from now for six hours.</summary>
    private async Task<(Guid Id, string Number)> PlannedAsync(ServiceProvider services, Actor actor, Crew crew, TimeSpan day, WorkPermitContent content)
    {
        var start = database.Clock.GetUtcNow() + day;
        var planned = content with { People = Content(crew, content.Details).People, PlannedStart = start, PlannedEnd = start.AddHours(6) };
        return await RunAsync<ApplyForWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor, new(planned), default));
    }

    private async Task SendAndSignAllButLastAsync(ServiceProvider services, Actor actor, Crew crew, Guid id)
    {
        var permit = await GetAsync(services, actor, id);
        await PrepareAsync(services, actor, crew, id, gas: permit.GasTestRequired);
        await RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        await SignAllAsync(services, actor, id, left: 1);
    }

    private static Task SignRemainingAsync(ServiceProvider services, Actor actor, Guid id) => SignAllAsync(services, actor, id);

    private async Task IssueAsync(ServiceProvider services, Actor actor, Crew crew, Guid id)
    {
        await SendAndSignAllButLastAsync(services, actor, crew, id);
        await SignRemainingAsync(services, actor, id);
    }

    private static Task<IReadOnlyList<CheckSimultaneousOperations.Item>> ChecksAsync(ServiceProvider services, Actor actor, Guid id) =>
        RunAsync<CheckSimultaneousOperations.Handler, IReadOnlyList<CheckSimultaneousOperations.Item>>(services, actor, h => h.HandleAsync(id, default));

    private static Task ConfirmAsync(ServiceProvider services, Actor actor, Guid id, SimultaneousRule rule, Guid other, Guid person) =>
        RunAsync<ConfirmSimultaneousOperation.Handler>(services, actor, h => h.HandleAsync(actor, new(id, rule, other, person), default));
}
