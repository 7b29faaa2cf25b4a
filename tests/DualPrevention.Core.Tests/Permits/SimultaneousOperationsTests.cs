using DualPrevention.Core.Permits;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>
/// The exclusion rules of docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions, each with its clause:
/// both sides of every distance, the rules that need no distance, and a missing point or another plan turning a
/// distance rule into a check confirmed by hand instead of passing.
/// </summary>
public class SimultaneousOperationsTests
{
    private static readonly Guid Plan = Guid.NewGuid();
    private static readonly DateTimeOffset Nine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private static PermitFootprint Hot(double x = 0, double y = 0, Guid? plan = null, string? space = null) =>
        Permit(SpecialOperationType.HotWork, new HotWorkDetails("电焊", HotWorkGrade.Level2), SimultaneousActivity.None, x, y, plan ?? Plan, space);

    private static PermitFootprint BlindPlate(double x, double y = 0, string pipe = "P-101", bool point = true) =>
        Permit(SpecialOperationType.BlindPlate, new BlindPlateDetails(BlindPlateAction.Insert, pipe, "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-01"), SimultaneousActivity.None, x, y, point ? Plan : null);

    private static PermitFootprint Doing(SimultaneousActivity activity, double x, string? space = null) =>
        Permit(SpecialOperationType.ConfinedSpace, new ConfinedSpaceDetails(space ?? "T-101", null, null, null), activity, x, 0, Plan, space);

    private static PermitFootprint Permit(SpecialOperationType type, PermitDetails details, SimultaneousActivity activities, double x, double y, Guid? plan, string? space = null) =>
        new(Guid.NewGuid(), $"N-{Guid.NewGuid():N}"[..8], type, details, activities, plan, plan is null ? null : new PlanCoordinate(x, y), space, Nine, Nine.AddHours(8));

    [Theory]
    [InlineData(30, true)]
    [InlineData(30.01, false)]
    public void SIM_4_GB30871_7_6_hot_work_within_30_m_of_a_blind_plate_conflicts(double meters, bool conflict)
    {
        var findings = SimultaneousOperations.Check(Hot(), [BlindPlate(meters)]);

        findings.Any(f => f is { Rule: SimultaneousRule.HotWorkNearBlindPlate, Measured: true }).ShouldBe(conflict);
        findings.ShouldAllBe(f => f.Measured);
    }

    [Fact]
    public void SIM_4_GB30871_7_6_holds_from_the_blind_plates_side_too_and_names_the_distance()
    {
        var hot = Hot(3, 4);

        var finding = SimultaneousOperations.Check(BlindPlate(0), [hot]).ShouldHaveSingleItem();

        (finding.Rule, finding.OtherPermitId, finding.DistanceMeters).ShouldBe((SimultaneousRule.HotWorkNearBlindPlate, hot.Id, 5d));
        finding.Refusal.Key.ShouldBe("Permit.Simops.ConflictAt");
    }

    [Theory]
    [InlineData(SimultaneousActivity.VentsFlammableGas, SimultaneousRule.HotWorkNearGasVenting, 30)]
    [InlineData(SimultaneousActivity.DischargesFlammableLiquid, SimultaneousRule.HotWorkNearLiquidDischarge, 15)]
    [InlineData(SimultaneousActivity.SolventCleaningOrPainting, SimultaneousRule.HotWorkNearPainting, 10)]
    [InlineData(SimultaneousActivity.SweepsCombustibleDust, SimultaneousRule.HotWorkNearDustSweeping, 10)]
    public void SIM_5_GB30871_5_2_9_venting_30_m_liquid_15_m_painting_and_dust_10_m_from_hot_work(SimultaneousActivity activity, SimultaneousRule rule, double limit)
    {
        var within = SimultaneousOperations.Check(Hot(), [Doing(activity, limit, space: "V-201")]);
        var beyond = SimultaneousOperations.Check(Hot(), [Doing(activity, limit + 0.01, space: "V-202")]);

        within.Select(f => f.Rule).ShouldBe([rule]);
        beyond.ShouldBeEmpty();
    }

    [Fact]
    public void SIM_5_GB30871_5_2_9_does_not_apply_between_two_permits_without_hot_work()
    {
        SimultaneousOperations.Check(BlindPlate(0, pipe: "P-1"), [Doing(SimultaneousActivity.SolventCleaningOrPainting, 1)]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("P-101", " p-101 ", true)]
    [InlineData("P-101", "P-102", false)]
    public void SIM_3_GB30871_7_10_two_blind_plates_on_one_pipeline_conflict_at_any_distance(string pipe, string otherPipe, bool conflict)
    {
        var findings = SimultaneousOperations.Check(BlindPlate(0, pipe: pipe), [BlindPlate(500, pipe: otherPipe, point: false)]);

        findings.Select(f => f.Rule).ShouldBe(conflict ? [SimultaneousRule.BlindPlatesOnOnePipeline] : []);
        findings.ShouldAllBe(f => f.Measured && f.DistanceMeters == null);
    }

    [Theory]
    [InlineData("T-101", "t-101", true)]
    [InlineData("T-101", "T-102", false)]
    public void SIM_8_GB30871_6_7_painting_in_a_confined_space_with_hot_work_conflicts_wherever_the_points_are(string hotSpace, string paintedSpace, bool conflict)
    {
        var hot = Hot(0, 0, space: hotSpace);
        var painting = Doing(SimultaneousActivity.SolventCleaningOrPainting, 50, space: paintedSpace);

        SimultaneousOperations.Check(hot, [painting]).Any(f => f.Rule == SimultaneousRule.PaintingInConfinedSpaceWithHotWork).ShouldBe(conflict);
    }

    [Fact]
    public void A_missing_work_point_turns_a_distance_rule_into_a_check_confirmed_by_hand_instead_of_passing()
    {
        var finding = SimultaneousOperations.Check(Hot(), [BlindPlate(1000, pipe: "P-9", point: false)]).ShouldHaveSingleItem();

        (finding.Rule, finding.Measured, finding.DistanceMeters).ShouldBe((SimultaneousRule.HotWorkNearBlindPlate, false, null));
        finding.Refusal.Key.ShouldBe("Permit.Simops.ConfirmByHand");
    }

    [Fact]
    public void Points_on_different_site_plans_are_not_measured_against_each_other_but_confirmed_by_hand()
    {
        var finding = SimultaneousOperations.Check(Hot(plan: Guid.NewGuid()), [BlindPlate(1)]).ShouldHaveSingleItem();

        finding.Measured.ShouldBeFalse();
    }

    [Fact]
    public void Permits_whose_planned_times_do_not_overlap_are_not_simultaneous()
    {
        var later = BlindPlate(1) with { From = Nine.AddHours(8), To = Nine.AddHours(10) };

        SimultaneousOperations.Check(Hot(), [later]).ShouldBeEmpty();
    }
}

/// <summary>Where the permit's process applies the exclusion rules: the signature that issues it, and the start.</summary>
public class SimultaneousOperationGuardTests
{
    private static readonly PermitRefusal Conflict = new("Permit.Simops.ConflictAt", "SimultaneousRule.HotWorkNearBlindPlate", "MB-20261207-001", 12.5);

    [Fact]
    public void SIM_4_GB30871_7_6_a_conflict_refuses_only_the_signature_that_issues_the_permit()
    {
        var permit = PermitScenario.Prepared();
        permit.SendForApproval(PermitScenario.Applicant, PermitScenario.Now.AddMinutes(27));
        while (!permit.IsLastApprovalStep)
        {
            PermitScenario.SignNext(permit, PermitScenario.Now.AddMinutes(28), exclusions: [Conflict]);
        }

        var refused = Should.Throw<PermitRefusedException>(() => PermitScenario.SignNext(permit, PermitScenario.Now.AddMinutes(28), exclusions: [Conflict]));

        refused.Refusals.ShouldBe([Conflict]);
        (permit.Status, permit.IssuedAt, permit.IsLastApprovalStep).ShouldBe((WorkPermitStatus.InApproval, null, true));
    }

    [Fact]
    public void SIM_4_GB30871_7_6_a_conflict_refuses_the_start_with_the_other_guards()
    {
        var permit = PermitScenario.Approved();

        var refused = Should.Throw<PermitRefusedException>(() => permit.Start(PermitScenario.Named(), new WeatherConditions(2), PermitScenario.Applicant, PermitScenario.Now.AddMinutes(31), [Conflict]));

        refused.Refusals.ShouldBe([Conflict]);
        permit.Status.ShouldBe(WorkPermitStatus.Approved);
    }
}
