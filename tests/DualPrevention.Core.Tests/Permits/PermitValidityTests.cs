using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>Validity caps of docs/domain/special-operations.md#5-validity-and-re-issue: validUntil = min(plannedEnd, issuedAt + cap).</summary>
public class PermitValidityTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FarEnd = Issued.AddDays(60);

    [Theory]
    [InlineData(SpecialOperationType.HotWork, HotWorkGrade.Special, false, 8)]
    [InlineData(SpecialOperationType.HotWork, HotWorkGrade.Level1, false, 8)]
    [InlineData(SpecialOperationType.HotWork, HotWorkGrade.Level2, false, 72)]
    [InlineData(SpecialOperationType.ConfinedSpace, null, false, 24)]
    [InlineData(SpecialOperationType.WorkAtHeight, null, false, 7 * 24)]
    [InlineData(SpecialOperationType.TemporaryElectricity, null, false, 15 * 24)]
    [InlineData(SpecialOperationType.TemporaryElectricity, null, true, 30 * 24)]
    public void Validity_is_capped_per_type_and_grade_GB30871_5_1_5_6_10_8_2_11_10_8(SpecialOperationType type, HotWorkGrade? grade, bool exceptional, int hours) =>
        PermitValidity.ValidUntil(FarEnd, Issued, PermitValidity.Cap(type, grade, exceptional, null)).ShouldBe(Issued.AddHours(hours));

    [Theory]
    [InlineData(SpecialOperationType.BlindPlate)]
    [InlineData(SpecialOperationType.Lifting)]
    [InlineData(SpecialOperationType.Excavation)]
    [InlineData(SpecialOperationType.RoadBreak)]
    public void Types_the_standard_leaves_open_take_the_tenant_cap_or_only_the_planned_end(SpecialOperationType type)
    {
        PermitValidity.ValidUntil(FarEnd, Issued, PermitValidity.Cap(type, null, false, TimeSpan.FromHours(48))).ShouldBe(Issued.AddHours(48));
        PermitValidity.ValidUntil(FarEnd, Issued, PermitValidity.Cap(type, null, false, null)).ShouldBe(FarEnd);
    }

    [Fact]
    public void The_planned_end_wins_when_earlier_than_the_cap()
    {
        PermitValidity.ValidUntil(Issued.AddHours(3), Issued, PermitValidity.HotWorkSpecialOrLevel1).ShouldBe(Issued.AddHours(3));
    }

    [Fact]
    public void Temporary_electricity_feeding_hot_work_ends_with_that_work_GB30871_10_8()
    {
        PermitValidity.ValidUntil(FarEnd, Issued, PermitValidity.TemporaryElectricity, fedWorkValidUntil: Issued.AddHours(8)).ShouldBe(Issued.AddHours(8));
    }

    [Fact]
    public void The_last_signature_issues_the_permit_with_its_capped_validity_GB30871_5_1_5()
    {
        var permit = Prepared(new HotWorkDetails("电焊", HotWorkGrade.Level1), outdoor: false);
        permit.SendForApproval(Applicant, Now.AddMinutes(27));
        var end = Now.AddHours(6);

        SignAll(permit, Now.AddMinutes(28));

        (permit.Status, permit.IssuedAt, permit.ValidUntil).ShouldBe((WorkPermitStatus.Approved, Now.AddMinutes(28), end));
        var longWork = Drafted(new HotWorkDetails("电焊", HotWorkGrade.Level1), plannedEnd: Now.AddHours(20));
        longWork.Submit(Named(), Applicant, Now.AddMinutes(1));
        foreach (var m in longWork.Measures)
        {
            longWork.ConfirmMeasure(m.Id, false, Guardian, "监护人", Applicant, Now.AddMinutes(2));
        }

        longWork.RecordBriefing(Leader, [Worker, Guardian], "交底", Applicant, Now.AddMinutes(2));
        longWork.RecordGasTest(PassingGas(Now.AddMinutes(3)), Applicant, Now.AddMinutes(3));
        longWork.SendForApproval(Applicant, Now.AddMinutes(4));
        SignAll(longWork, Now.AddMinutes(5));
        longWork.ValidUntil.ShouldBe(Now.AddMinutes(5).AddHours(8));
    }

    [Fact]
    public void Work_past_its_validity_cannot_start_GB30871_4_16()
    {
        var permit = Approved();

        Should.Throw<PermitRefusedException>(() => permit.Start(Named(), null, Applicant, PlannedEnd.AddMinutes(1)))
            .Refusals.Select(r => r.Key).ShouldContain("Permit.ValidityPassed");
    }
}
