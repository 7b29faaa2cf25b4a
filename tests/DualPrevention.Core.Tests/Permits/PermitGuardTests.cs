using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>
/// The guards of docs/domain/special-operations.md#12-permit-life-cycle: measures, briefing, people and their
/// certificates (#7-guardians), weather (#9-other-measurable-conditions), the shift leader's check.
/// </summary>
public class PermitGuardTests
{
    private static string[] StartRefusals(WorkPermit permit, IReadOnlyList<NamedPerson>? people = null, WeatherConditions? weather = null, DateTimeOffset? at = null) =>
        [.. Should.Throw<PermitRefusedException>(() => permit.Start(people ?? Named(), weather, Applicant, at ?? Now.AddMinutes(31))).Refusals.Select(r => r.Key)];

    [Fact]
    public void Every_permit_names_a_guardian_a_work_leader_and_a_worker_GD_1()
    {
        var permit = Drafted();

        Should.Throw<PermitRefusedException>(() => permit.Submit([new(Worker, "焊工", PermitRole.Worker, null, null)], Applicant, Now))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.People.GuardianRequired", "Permit.People.WorkLeaderRequired", "Permit.People.TradeCertificateRequired"]);
    }

    [Fact]
    public void A_guardian_without_a_training_certificate_is_refused_GD_2()
    {
        var permit = Drafted();
        NamedPerson[] people = [.. Named().Where(p => p.Role != PermitRole.Guardian), new(Guardian, "监护人", PermitRole.Guardian, null, null)];

        Should.Throw<PermitRefusedException>(() => permit.Submit(people, Applicant, Now))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.People.GuardianCertificateMissing"]);
    }

    [Fact]
    public void The_guardian_is_not_a_worker_on_the_same_permit_GD_7()
    {
        var permit = Drafted();
        NamedPerson[] people = [.. Named(), new(Guardian, "监护人", PermitRole.Worker, "T-9", CertificatesValidUntil, "特种作业操作证（焊接与热切割作业）")];

        Should.Throw<PermitRefusedException>(() => permit.Submit(people, Applicant, Now))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.People.GuardianIsWorker"]);
    }

    [Fact]
    public void An_expired_worker_or_guardian_certificate_blocks_the_start_GB30871_4_9_GD_2()
    {
        var permit = Approved();
        var yesterday = BusinessTime.LocalDate(Now).AddDays(-1);

        StartRefusals(permit, Named(workerExpires: yesterday)).ShouldBe(["Permit.People.CertificateExpired"]);
        StartRefusals(permit, Named(guardianExpires: yesterday)).ShouldBe(["Permit.People.CertificateExpired"]);
        permit.Start(Named(workerExpires: BusinessTime.LocalDate(Now)), null, Applicant, Now.AddMinutes(31)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Fact]
    public void Approval_needs_every_measure_settled_by_a_named_person_the_briefing_and_a_passing_gas_test_GB30871_4_4()
    {
        var permit = Drafted();
        permit.Submit(Named(), Applicant, Now);

        Should.Throw<PermitRefusedException>(() => permit.SendForApproval(Applicant, Now))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.MeasuresUnconfirmed", "Permit.BriefingRequired", "Permit.Gas.PassingTestRequired"]);
        permit.ConfirmMeasure(permit.Measures[0].Id, true, Guardian, "监护人", Applicant, Now);
        permit.ConfirmMeasure(permit.Measures[1].Id, false, Guardian, "监护人", Applicant, Now);
        (permit.Measures[0].ConfirmedByName, permit.Measures[0].ConfirmedAt, permit.Measures[1].Settled).ShouldBe(("监护人", Now, true));
        Should.Throw<PermitRefusedException>(() => permit.RecordBriefing(Leader, [Worker], "交底", Applicant, Now))
            .Refusals.Single().Key.ShouldBe("Permit.BriefingMissesPeople");
        permit.RecordBriefing(Leader, [Worker, Guardian], "交底", Applicant, Now);
        permit.RecordGasTest(FailingGas(Now), Applicant, Now);
        Should.Throw<PermitRefusedException>(() => permit.SendForApproval(Applicant, Now)).Refusals.Select(r => r.Key).ShouldBe(["Permit.Gas.PassingTestRequired"]);
        permit.RecordGasTest(PassingGas(Now), Applicant, Now);

        permit.SendForApproval(Applicant, Now).ToStatus.ShouldBe(WorkPermitStatus.InApproval);
        permit.Approvals.Select(a => a.Role).ShouldBe([PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment, PermitOrgRole.Unit]);
    }

    [Fact]
    public void A_permit_without_a_hazard_analysis_result_is_not_submitted_GB30871_4_1()
    {
        var permit = WorkPermit.Draft(Enterprise, "370202", "DH-1", Content() with { HazardAnalysisResult = " " }, [], Applicant, Now).Permit;

        Should.Throw<PermitRefusedException>(() => permit.Submit(Named(), Applicant, Now)).Refusals.Single().Key.ShouldBe("Permit.HazardAnalysisRequired");
    }

    [Fact]
    public void Hot_work_starts_only_after_the_shift_leaders_check_Appendix_A()
    {
        var permit = Prepared();
        permit.SendForApproval(Applicant, Now.AddMinutes(27));
        SignAll(permit, Now.AddMinutes(28));

        StartRefusals(permit).ShouldBe(["Permit.ShiftLeaderCheckRequired"]);
        Should.Throw<PermitRefusedException>(() => Approved(new ConfinedSpaceDetails("T-1", null, null, null)).CheckByShiftLeader(ShiftLeader, Applicant, Now))
            .Refusals.Single().Key.ShouldBe("Permit.ShiftLeaderCheckHotWorkOnly");
    }

    [Fact]
    public void Work_does_not_start_before_its_planned_start()
    {
        var permit = Approved();

        StartRefusals(permit, at: PlannedStart.AddSeconds(-1)).ShouldBe(["Permit.BeforePlannedStart"]);
    }

    [Fact]
    public void Outdoor_hot_work_at_wind_force_5_is_blocked_unless_upgraded_GB30871_5_2_15()
    {
        StartRefusals(Approved(), weather: new WeatherConditions(5)).ShouldBe(["Permit.Weather.HotWorkWind"]);
        Approved(outdoor: false).Start(Named(), new WeatherConditions(5), Applicant, Now.AddMinutes(31)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
        Approved(new HotWorkDetails("电焊", HotWorkGrade.Level2, Upgraded: true, UpgradeReason: "大风")).Start(Named(), new WeatherConditions(5), Applicant, Now.AddMinutes(31))
            .ToStatus.ShouldBe(WorkPermitStatus.InProgress);
        WeatherBlocks.Check(SpecialOperationType.HotWork, true, false, new WeatherConditions(4)).ShouldBeEmpty();
    }

    [Fact]
    public void Work_at_height_stops_at_wind_force_5_or_in_dense_fog_GB30871_8_2_6()
    {
        var permit = Approved(new WorkAtHeightDetails(8m, []));

        StartRefusals(permit, weather: new WeatherConditions(5, DenseFog: true)).ShouldBe(["Permit.Weather.HeightWind", "Permit.Weather.HeightFog"]);
        permit.Start(Named(), new WeatherConditions(4), Applicant, Now.AddMinutes(31)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Fact]
    public void Outdoor_lifting_stops_at_wind_force_6_heavy_snow_rainstorm_or_heavy_fog_GB30871_9_2_4()
    {
        WeatherBlocks.Check(SpecialOperationType.Lifting, true, false, new WeatherConditions(6)).Select(r => r.Key).ShouldBe(["Permit.Weather.LiftingWind"]);
        WeatherBlocks.Check(SpecialOperationType.Lifting, true, false, new WeatherConditions(5)).ShouldBeEmpty();
        WeatherBlocks.Check(SpecialOperationType.Lifting, true, false, new WeatherConditions(1, HeavySnow: true)).Select(r => r.Key).ShouldBe(["Permit.Weather.LiftingPrecipitationOrFog"]);
        WeatherBlocks.Check(SpecialOperationType.Lifting, false, false, new WeatherConditions(8, Rainstorm: true)).ShouldBeEmpty();
    }

    [Fact]
    public void Work_at_height_resumes_only_after_the_surroundings_and_measures_are_confirmed_again_GB30871_8_2_11()
    {
        var permit = Started(new WorkAtHeightDetails(8m, []));
        permit.Suspend("下雨", Applicant, Now.AddMinutes(40));

        Should.Throw<PermitRefusedException>(() => permit.Resume(Named(), null, false, Applicant, Now.AddMinutes(60)))
            .Refusals.Select(r => r.Key).ShouldBe(["Permit.ReconfirmationRequired"]);
        permit.Resume(Named(), null, true, Applicant, Now.AddMinutes(60)).ToStatus.ShouldBe(WorkPermitStatus.InProgress);
    }

    [Fact]
    public void Acceptance_needs_the_site_restored_GB30871_4_14()
    {
        var permit = InStatus(WorkPermitStatus.PendingAcceptance);

        Should.Throw<PermitRefusedException>(() => permit.Accept(false, null, Applicant, ActAt)).Refusals.Single().Key.ShouldBe("Permit.SiteNotRestored");
    }
}
