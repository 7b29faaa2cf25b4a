using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>
/// Welders and cutters hold the special-operation certificate of their trade for the whole planned period
/// (GB 30871-2022 §4.9; docs/domain/special-operations.md#10-attachments-and-measure-checklists).
/// </summary>
public sealed class PermitTradeCertificateTests
{
    private static readonly DateOnly LastDay = BusinessTime.LocalDate(PlannedEnd);

    private static NamedPerson Welder(string? certificate, DateOnly? expires) => new(Worker, "焊工", PermitRole.Worker, certificate is null ? null : "T-1", expires, certificate);

    [Theory]
    [InlineData("电焊")]
    [InlineData("气割")]
    public void A_welder_or_cutter_without_a_certificate_of_the_trade_is_refused_naming_them_GB30871_4_9(string method)
    {
        PermitCertificates.CheckTrade(new HotWorkDetails(method, HotWorkGrade.Level2), [Welder(null, null)], LastDay)
            .ShouldBe([new PermitRefusal("Permit.People.TradeCertificateRequired", "焊工", method)], new RefusalComparer());
        PermitCertificates.CheckTrade(new HotWorkDetails(method, HotWorkGrade.Level2), [Welder("低压电工作业操作证", LastDay)], LastDay)
            .Single().Key.ShouldBe("Permit.People.TradeCertificateRequired");
    }

    [Fact]
    public void A_welders_certificate_expiring_before_the_last_planned_day_is_refused_and_one_valid_to_it_passes_GB30871_4_9()
    {
        var details = new HotWorkDetails("电焊", HotWorkGrade.Level2);

        PermitCertificates.CheckTrade(details, [Welder("特种作业操作证（焊接与热切割作业）", LastDay.AddDays(-1))], LastDay)
            .ShouldBe([new PermitRefusal("Permit.People.TradeCertificateLapses", "焊工", "T-1", LastDay.AddDays(-1))], new RefusalComparer());
        PermitCertificates.CheckTrade(details, [Welder("特种作业操作证（焊接与热切割作业）", LastDay)], LastDay).ShouldBeEmpty();
    }

    [Fact]
    public void Hot_work_that_is_not_welding_nor_cutting_and_other_types_ask_for_no_trade_certificate()
    {
        PermitCertificates.CheckTrade(new HotWorkDetails("砂轮打磨", HotWorkGrade.Level2), [Welder(null, null)], LastDay).ShouldBeEmpty();
        PermitCertificates.CheckTrade(new ConfinedSpaceDetails("T-1", null, null, null), [Welder(null, null)], LastDay).ShouldBeEmpty();
    }

    [Fact]
    public void Submitting_an_electric_welding_permit_whose_welder_has_no_certificate_is_refused_GB30871_4_9()
    {
        var permit = Drafted();
        IReadOnlyList<NamedPerson> people = [.. Named().Select(p => p.Role == PermitRole.Worker ? Welder(null, null) : p)];

        Should.Throw<PermitRefusedException>(() => permit.Submit(people, Applicant, Now.AddMinutes(1))).Refusals.Select(r => r.Key)
            .ShouldBe(["Permit.People.TradeCertificateRequired"]);
        permit.Status.ShouldBe(WorkPermitStatus.Draft);
    }
}
