using DualPrevention.Core.Permits;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>Grades of docs/domain/special-operations.md#3-grades and the approval matrix of #4-approval.</summary>
public class PermitGradingTests
{
    [Theory]
    [InlineData("1.99", 0, null)]
    [InlineData("2", 0, HeightClass.I)]
    [InlineData("5", 0, HeightClass.I)]
    [InlineData("5.01", 0, HeightClass.II)]
    [InlineData("15", 0, HeightClass.II)]
    [InlineData("15.5", 0, HeightClass.III)]
    [InlineData("30", 0, HeightClass.III)]
    [InlineData("30.1", 0, HeightClass.IV)]
    [InlineData("2", 1, HeightClass.II)]
    [InlineData("5.01", 2, HeightClass.III)]
    [InlineData("30", 1, HeightClass.IV)]
    [InlineData("31", 9, HeightClass.IV)]
    public void Height_class_follows_the_band_and_method_A_or_B_GB30871_8_1(string meters, int factors, HeightClass? expected) =>
        PermitGrading.HeightClassOf(decimal.Parse(meters, System.Globalization.CultureInfo.InvariantCulture), factors).ShouldBe(expected);

    [Theory]
    [InlineData("100.01", LiftingGrade.Level1)]
    [InlineData("100", LiftingGrade.Level2)]
    [InlineData("40", LiftingGrade.Level2)]
    [InlineData("39.99", LiftingGrade.Level3)]
    public void Lifting_grade_follows_the_load_mass_GB30871_9_1(string tonnes, LiftingGrade expected) =>
        PermitGrading.LiftingGradeOf(decimal.Parse(tonnes, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Lifts_under_10_tonnes_need_no_permit_and_levels_1_2_or_complex_loads_need_a_lifting_plan_GB30871_9_2_1()
    {
        (PermitGrading.LiftingNeedsPermit(9.99m), PermitGrading.LiftingNeedsPermit(10m)).ShouldBe((false, true));
        (PermitGrading.LiftingPlanRequired(LiftingGrade.Level2, false), PermitGrading.LiftingPlanRequired(LiftingGrade.Level3, false), PermitGrading.LiftingPlanRequired(LiftingGrade.Level3, true))
            .ShouldBe((true, false, true));
    }

    [Fact]
    public void Upgrade_moves_hot_work_one_grade_up_and_special_stays_special_GB30871_5_1_1()
    {
        (PermitGrading.Upgrade(HotWorkGrade.Level2), PermitGrading.Upgrade(HotWorkGrade.Level1), PermitGrading.Upgrade(HotWorkGrade.Special))
            .ShouldBe((HotWorkGrade.Level1, HotWorkGrade.Special, HotWorkGrade.Special));
        new HotWorkDetails("气割", HotWorkGrade.Level2, Upgraded: true, UpgradeReason: "夜间").ManagedGrade.ShouldBe(HotWorkGrade.Level1);
    }

    [Theory]
    [InlineData(10, false, false, 0, false)]
    [InlineData(18, false, false, 0, true)]
    [InlineData(7, false, false, 0, true)]
    [InlineData(8, false, false, 0, false)]
    [InlineData(10, true, false, 0, true)]
    [InlineData(10, false, true, 5, true)]
    [InlineData(10, false, false, 5, false)]
    [InlineData(10, false, true, 4, false)]
    public void Hot_work_at_night_on_rest_days_or_outdoors_at_force_5_is_upgraded_GB30871_5_1_1_and_5_2_15(int hour, bool restDay, bool outdoor, int wind, bool expected) =>
        PermitGrading.HotWorkUpgradeRequired(new DateTime(2026, 12, 7, hour, 0, 0), restDay, new TimeOnly(18, 0), new TimeOnly(8, 0), outdoor, wind).ShouldBe(expected);

    [Theory]
    [InlineData(HotWorkGrade.Special, PermitOrgRole.LeaderInCharge)]
    [InlineData(HotWorkGrade.Level1, PermitOrgRole.SafetyDepartment)]
    [InlineData(HotWorkGrade.Level2, PermitOrgRole.Unit)]
    public void Hot_work_is_approved_by_the_function_of_its_grade_Table_B1(HotWorkGrade grade, PermitOrgRole approver) =>
        ApprovalMatrix.Steps(SpecialOperationType.HotWork, grade, null, null)
            .ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment, approver]);

    [Theory]
    [InlineData(HeightClass.I, PermitOrgRole.Unit)]
    [InlineData(HeightClass.II, PermitOrgRole.SpecialistDepartment)]
    [InlineData(HeightClass.III, PermitOrgRole.SpecialistDepartment)]
    [InlineData(HeightClass.IV, PermitOrgRole.PlantManagerOrChiefEngineer)]
    public void Work_at_height_is_approved_by_the_function_of_its_class_Table_B1(HeightClass height, PermitOrgRole approver) =>
        ApprovalMatrix.Steps(SpecialOperationType.WorkAtHeight, null, height, null)
            .ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.ReviewingDepartment, approver]);

    [Fact]
    public void Lifting_and_the_ungraded_types_follow_Table_B1_and_the_Appendix_A_signature_order()
    {
        ApprovalMatrix.Steps(SpecialOperationType.Lifting, null, null, LiftingGrade.Level1).ShouldBe([PermitOrgRole.LiftingCommander, PermitOrgRole.Unit, PermitOrgRole.ReviewingDepartment, PermitOrgRole.PlantManagerOrChiefEngineer]);
        ApprovalMatrix.Approver(SpecialOperationType.Lifting, null, null, LiftingGrade.Level3).ShouldBe(PermitOrgRole.SpecialistDepartment);
        ApprovalMatrix.Steps(SpecialOperationType.ConfinedSpace, null, null, null).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit]);
        ApprovalMatrix.Steps(SpecialOperationType.BlindPlate, null, null, null).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit]);
        ApprovalMatrix.Steps(SpecialOperationType.TemporaryElectricity, null, null, null).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.PowerSupplier]);
        ApprovalMatrix.Steps(SpecialOperationType.Excavation, null, null, null).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.Countersigning, PermitOrgRole.SpecialistDepartment]);
        ApprovalMatrix.Steps(SpecialOperationType.RoadBreak, null, null, null).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.FireAndSafetyDepartments, PermitOrgRole.SpecialistDepartment]);
    }

    [Fact]
    public void A_permit_takes_its_grade_from_its_details_and_refuses_work_below_2_metres_as_height_work_GB30871_3_8()
    {
        PermitScenario.Drafted(new WorkAtHeightDetails(16m, [4])).HeightClass.ShouldBe(HeightClass.IV);
        PermitScenario.Drafted(new LiftingDetails("换热器", 45m, "吊带")).LiftingGrade.ShouldBe(LiftingGrade.Level2);
        Should.Throw<PermitRefusedException>(() => PermitScenario.Drafted(new WorkAtHeightDetails(1.5m, []))).Refusals.Single().Key.ShouldBe("Permit.NotWorkAtHeight");
        Should.Throw<PermitRefusedException>(() => PermitScenario.Drafted(new WorkAtHeightDetails(3m, [10]))).Refusals.Single().Key.ShouldBe("Permit.HeightFactorsInvalid");
    }

    [Fact]
    public void Signatures_follow_the_order_and_the_unit_cannot_sign_before_the_work_leader()
    {
        var permit = PermitScenario.InStatus(WorkPermitStatus.InApproval);

        Should.Throw<PermitRefusedException>(() => permit.Sign(PermitScenario.Holding(PermitOrgRole.Unit), null, PermitScenario.Applicant, null, PermitScenario.ActAt))
            .Refusals.Single().ShouldBe(new PermitRefusal("Permit.Sign.OnlyTheWorkLeader", "PermitOrgRole.WorkLeader", "负责人"), new RefusalComparer());
        permit.Sign(PermitScenario.Holding(), "同意", PermitScenario.LeaderAccount, null, PermitScenario.ActAt);

        (permit.Approvals[0].SignedByName, permit.Approvals[0].SignedAt, permit.NextApprovalStep!.Role).ShouldBe(("负责人", PermitScenario.ActAt, PermitOrgRole.Unit));
    }
}
