using DualPrevention.Core.Permits;

namespace DualPrevention.IntegrationTests.Permits;

/// <summary>The trade certificate of welders read from the registry (GB 30871-2022 §4.9).</summary>
public partial class WorkPermitTests
{
    [Fact]
    public async Task An_electric_welding_permit_whose_welder_cites_no_certificate_is_not_submitted_GB30871_4_9()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var content = Content(crew, new HotWorkDetails("电焊", HotWorkGrade.Level2));
        content = content with { People = [.. content.People.Select(p => p.Role == PermitRole.Worker ? p with { CertificateId = null } : p)] };
        var (id, _) = await RunAsync<ApplyForWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor, new(content), default));

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)));

        refused.Refusals.Select(r => r.Key).ShouldBe(["Permit.People.TradeCertificateRequired"]);
        refused.Refusals[0].Args.ShouldBe(["焊工丙", "电焊"]);
        (await GetAsync(services, actor, id)).Status.ShouldBe(WorkPermitStatus.Draft);
    }
}
