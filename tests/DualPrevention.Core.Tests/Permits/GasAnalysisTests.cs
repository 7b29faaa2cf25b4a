using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>Gas limits (docs/domain/special-operations.md#61-limits, #62-converting-readings) and timing rules GA-* (#63-timing-rules).</summary>
public class GasAnalysisTests
{
    private static GasSample Flammable(string gas, decimal lel, decimal value, GasReadingUnit unit = GasReadingUnit.PercentVolume, decimal? oxygen = null, bool enriched = false) =>
        new(gas, lel, value, unit, oxygen, [], enriched);

    private static string[] Keys(SpecialOperationType type, GasSample sample) => [.. GasAnalysis.Judge(type, sample).Select(r => r.Key)];

    [Fact]
    public void Flammable_gas_with_LEL_of_4_percent_or_more_passes_at_up_to_0_5_percent_vol_GB30871_5_3_2_a()
    {
        Keys(SpecialOperationType.HotWork, Flammable("氢气", 4m, 0.5m)).ShouldBeEmpty();
        Keys(SpecialOperationType.HotWork, Flammable("氢气", 4m, 0.51m)).ShouldBe(["Permit.Gas.FlammableOverLimit"]);
    }

    [Fact]
    public void Flammable_gas_with_LEL_under_4_percent_passes_at_up_to_0_2_percent_vol_GB30871_5_3_2_b()
    {
        Keys(SpecialOperationType.HotWork, Flammable("苯", 1.2m, 0.2m)).ShouldBeEmpty();
        Keys(SpecialOperationType.HotWork, Flammable("苯", 1.2m, 0.21m)).ShouldBe(["Permit.Gas.FlammableOverLimit"]);
        GasAnalysis.FlammableLimit(3.99m).ShouldBe(0.2m);
    }

    [Fact]
    public void Percent_LEL_readings_convert_to_volume_methane_10_hydrogen_12_5_at_the_limit_GB30871_5_3_2()
    {
        GasAnalysis.ToPercentVolume(10m, 5m).ShouldBe(0.5m);
        GasAnalysis.FlammableLimitInPercentLel(5m).ShouldBe(10m);
        GasAnalysis.FlammableLimitInPercentLel(4m).ShouldBe(12.5m);
        Math.Round(GasAnalysis.FlammableLimitInPercentLel(1.4m), 1).ShouldBe(14.3m);
        Keys(SpecialOperationType.HotWork, Flammable("甲烷", 5m, 10m, GasReadingUnit.PercentLel)).ShouldBeEmpty();
        Keys(SpecialOperationType.HotWork, Flammable("甲烷", 5m, 10.2m, GasReadingUnit.PercentLel)).ShouldBe(["Permit.Gas.FlammableOverLimit"]);
    }

    [Theory]
    [InlineData("19.5", false, true)]
    [InlineData("19.4", false, false)]
    [InlineData("21", false, true)]
    [InlineData("21.1", false, false)]
    [InlineData("23.5", true, true)]
    [InlineData("23.6", true, false)]
    public void Confined_space_oxygen_is_19_5_to_21_percent_or_up_to_23_5_when_enriched_GB30871_6_4_a(string oxygen, bool enriched, bool passes) =>
        Keys(SpecialOperationType.ConfinedSpace, Flammable("甲烷", 5m, 0m, oxygen: decimal.Parse(oxygen, System.Globalization.CultureInfo.InvariantCulture), enriched: enriched))
            .ShouldBe(passes ? [] : ["Permit.Gas.OxygenOutOfRange"]);

    [Fact]
    public void Confined_space_tests_must_measure_oxygen_GB30871_6_4_a()
    {
        Keys(SpecialOperationType.ConfinedSpace, Flammable("甲烷", 5m, 0m)).ShouldBe(["Permit.Gas.OxygenRequired"]);
        Keys(SpecialOperationType.HotWork, Flammable("甲烷", 5m, 0m)).ShouldBeEmpty();
    }

    [Fact]
    public void Toxic_substances_must_be_within_their_exposure_limit_GB30871_6_4_b()
    {
        var sample = new GasSample("甲烷", 5m, 0m, GasReadingUnit.PercentVolume, 20.9m, [new("硫化氢", 10m, 10m), new("一氧化碳", 31m, 30m)]);

        GasAnalysis.Judge(SpecialOperationType.ConfinedSpace, sample).Single().ShouldBe(new PermitRefusal("Permit.Gas.ToxicOverLimit", "一氧化碳", 31m, 30m), new RefusalComparer());
    }

    [Fact]
    public void Hot_work_on_oxygen_equipment_allows_at_most_23_5_percent_oxygen_inside_GB30871_5_2_7()
    {
        Keys(SpecialOperationType.HotWork, new GasSample("甲烷", 5m, 0m, GasReadingUnit.PercentVolume, 23.6m, [], OxygenEquipment: true)).ShouldBe(["Permit.Gas.OxygenEquipmentOverLimit"]);
        Keys(SpecialOperationType.HotWork, new GasSample("甲烷", 5m, 0m, GasReadingUnit.PercentVolume, 23.5m, [], OxygenEquipment: true)).ShouldBeEmpty();
    }

    [Fact]
    public void A_detector_past_its_calibration_due_date_is_refused_and_nothing_is_recorded_GB30871_4_12()
    {
        var permit = Drafted();
        permit.Submit(Named(), Applicant, Now);
        var overdue = PassingGas(Now) with { DetectorCalibrationDueOn = new DateOnly(2026, 12, 6) };

        Should.Throw<PermitRefusedException>(() => permit.RecordGasTest(overdue, Applicant, Now)).Refusals.Single().Key.ShouldBe("Permit.Gas.DetectorCalibrationOverdue");
        permit.GasTests.ShouldBeEmpty();
        permit.RecordGasTest(overdue with { DetectorCalibrationDueOn = new DateOnly(2026, 12, 7) }, Applicant, Now).Test.Passed.ShouldBeTrue();
    }

    [Fact]
    public void GasTest_sampled_more_than_30_minutes_before_start_is_stale_GA_HW_1()
    {
        var permit = Approved(outdoor: false);

        Should.Throw<PermitRefusedException>(() => permit.Start(Named(), null, Applicant, Now.AddMinutes(25).AddMinutes(30).AddSeconds(1)))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.Gas.Stale"]);
        permit.Start(Named(), null, Applicant, Now.AddMinutes(55));
        permit.Status.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Fact]
    public void Confined_space_is_entered_only_after_a_passing_test_at_most_30_minutes_old_GA_CS_1()
    {
        var permit = Approved(new ConfinedSpaceDetails("T-101", "苯", "苯", "苯"));
        permit.RecordGasTest(FailingGas(Now.AddMinutes(30)), Applicant, Now.AddMinutes(30));

        Should.Throw<PermitRefusedException>(() => permit.Start(Named(), null, Applicant, Now.AddMinutes(31)))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.Gas.PassingTestRequired"]);
        permit.RecordGasTest(PassingGas(Now.AddMinutes(32)), Applicant, Now.AddMinutes(32));
        permit.Start(Named(), null, Applicant, Now.AddMinutes(33)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Theory]
    [InlineData(HotWorkGrade.Level1, 30, false)]
    [InlineData(HotWorkGrade.Level1, 31, true)]
    [InlineData(HotWorkGrade.Special, 31, true)]
    [InlineData(HotWorkGrade.Level2, 60, false)]
    [InlineData(HotWorkGrade.Level2, 61, true)]
    public void Hot_work_interrupted_past_its_grade_threshold_needs_a_new_test_GA_HW_2(HotWorkGrade grade, int minutes, bool retest) =>
        GasTiming.RetestRequired(SpecialOperationType.HotWork, grade, Now, Now.AddMinutes(minutes), Now.AddMinutes(-5)).ShouldBe(retest);

    [Fact]
    public void Hot_work_resumed_past_the_threshold_is_refused_until_a_test_after_the_interruption_passes_GA_HW_2()
    {
        var permit = Started(new HotWorkDetails("电焊", HotWorkGrade.Level1), outdoor: false);
        permit.Suspend("吃饭", Applicant, Now.AddMinutes(40));

        Should.Throw<PermitRefusedException>(() => permit.Resume(Named(), null, true, Applicant, Now.AddMinutes(71)))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.Gas.PassingTestRequired"]);
        permit.RecordGasTest(PassingGas(Now.AddMinutes(70)), Applicant, Now.AddMinutes(71));
        permit.Resume(Named(), null, true, Applicant, Now.AddMinutes(72)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Fact]
    public void Hot_work_resumed_on_another_day_needs_that_days_analysis_GA_HW_3()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 7, 15, 50, 0, TimeSpan.Zero);
        GasTiming.RetestRequired(SpecialOperationType.HotWork, HotWorkGrade.Level2, lateEvening, lateEvening.AddMinutes(20), lateEvening.AddMinutes(-5)).ShouldBeTrue();
        GasTiming.RetestRequired(SpecialOperationType.HotWork, HotWorkGrade.Level2, lateEvening, lateEvening.AddMinutes(5), lateEvening.AddMinutes(-5)).ShouldBeFalse();
    }

    [Fact]
    public void Special_hot_work_starts_only_with_continuous_monitoring_GA_HW_4()
    {
        var permit = Drafted(new HotWorkDetails("带压不置换", HotWorkGrade.Special), outdoor: false);
        permit.Submit(Named(), Applicant, Now);
        foreach (var m in permit.Measures)
        {
            permit.ConfirmMeasure(m.Id, true, Guardian, "监护人", Applicant, Now);
        }

        permit.RecordBriefing(Leader, [Worker, Guardian], "交底", Applicant, Now);
        permit.RecordGasTest(PassingGas(Now.AddMinutes(25), continuous: false), Applicant, Now.AddMinutes(25));
        permit.SendForApproval(Applicant, Now.AddMinutes(26));
        SignAll(permit, Now.AddMinutes(27));
        permit.CheckByShiftLeader(ShiftLeader, Applicant, Now.AddMinutes(28));

        Should.Throw<PermitRefusedException>(() => permit.Start(Named(), null, Applicant, Now.AddMinutes(31)))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.Gas.ContinuousMonitoringRequired"]);
        permit.RecordGasTest(PassingGas(Now.AddMinutes(31), continuous: true), Applicant, Now.AddMinutes(31));
        permit.Start(Named(), null, Applicant, Now.AddMinutes(32)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void Confined_space_interrupted_over_60_minutes_needs_a_new_test_before_reentry_GA_CS_3(int minutes, bool retest) =>
        GasTiming.RetestRequired(SpecialOperationType.ConfinedSpace, null, Now, Now.AddMinutes(minutes), Now).ShouldBe(retest);

    [Fact]
    public void Confined_space_readings_older_than_2_hours_are_overdue_GA_CS_4()
    {
        GasTiming.ConfinedSpaceReadingOverdue(Now, Now.AddHours(2)).ShouldBeFalse();
        GasTiming.ConfinedSpaceReadingOverdue(Now, Now.AddHours(2).AddSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void A_failing_reading_during_work_suspends_it_GA_CS_4()
    {
        var permit = Started(new ConfinedSpaceDetails("T-101", "苯", "苯", "苯"));

        var (test, step) = permit.RecordGasTest(FailingGas(Now.AddMinutes(40)), Applicant, Now.AddMinutes(40));

        (test.Passed, permit.Status, step.Action).ShouldBe((false, WorkPermitStatus.Suspended, WorkPermitAction.Suspended));
        permit.Interruptions.Single().From.ShouldBe(Now.AddMinutes(40));
    }

    [Fact]
    public void Gas_tests_are_required_for_hot_work_confined_space_hazardous_temporary_power_and_deep_excavation_GA_TE_1_GA_EX_1()
    {
        Drafted(new TemporaryElectricityDetails("配电箱3", 15m, 380, InHazardousArea: true)).GasTestRequired.ShouldBeTrue();
        Drafted(new TemporaryElectricityDetails("配电箱3", 15m, 380)).GasTestRequired.ShouldBeFalse();
        Drafted(new ExcavationDetails(1.5m, 6m, NearBuriedHazardousLines: true)).GasTestRequired.ShouldBeTrue();
        Drafted(new ExcavationDetails(1.2m, 6m, NearBuriedHazardousLines: true)).GasTestRequired.ShouldBeFalse();
        Drafted(new BlindPlateDetails(BlindPlateAction.Insert, "P-101", "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-01")).GasTestRequired.ShouldBeFalse();
    }
}
