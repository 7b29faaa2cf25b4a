using DualPrevention.Core;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.IntegrationTests.Permits;

/// <summary>The signing authority (ADR 0051) on PostgreSQL: kept per enterprise, under row-level security, and what it lets sign.</summary>
public partial class WorkPermitTests
{
    [Fact]
    public async Task Another_enterprise_neither_reads_nor_sets_the_signing_authority_not_even_through_row_level_security()
    {
        await using var services = database.CreateServices();
        var qd1 = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var qd2 = await AccountActorAsync(database.Qd2, "demo-qd2-admin");
        var crew = await CrewAsync(database.Qd1);
        var unitUser = (await UserIdsAsync("demo-qd1-unit"))[0];

        await Should.ThrowAsync<NotFoundException>(() => RunAsync<SetPermitSigner.Handler>(services, qd2, h => h.HandleAsync(qd2, new(unitUser, [PermitOrgRole.Unit], null), default)));
        var qd2Own = (await UserIdsAsync("demo-qd2-unit"))[0];
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<SetPermitSigner.Handler>(services, qd2, h => h.HandleAsync(qd2, new(qd2Own, [PermitOrgRole.Unit], crew.Leader), default)));
        var listed = await RunAsync<ListPermitSigners.Handler, Paged<ListPermitSigners.Row>>(services, qd2, h => h.HandleAsync(qd2, new(1, 100), default));
        listed.Items.ShouldNotContain(r => r.UserId == unitUser);
        var own = await RunAsync<ListPermitSigners.Handler, Paged<ListPermitSigners.Row>>(services, qd1, h => h.HandleAsync(qd1, new(1, 100), default));
        own.Items.Single(r => r.UserId == unitUser).Functions.ShouldBe([PermitOrgRole.Unit]);
        own.Items.Single(r => r.PersonId == crew.Leader).UserName.ShouldBe("demo-qd1-leader");

        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "qd2"));
        var sql = "SELECT count(*)::int AS \"Value\" FROM permit_signer WHERE enterprise_id = @id";
        (await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter("id", database.Qd1)).SingleAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_work_leader_without_an_account_blocks_the_first_signature_with_a_reason_naming_them()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        await SqlAsync($"DELETE FROM permit_signer WHERE person_id = '{crew.Leader}'");
        var (id, _) = await ApplyAsync(services, actor, crew, new ConfinedSpaceDetails("T-101", "苯", "苯", "苯"));
        await PrepareAsync(services, actor, crew, id);
        await RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<SignWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id, null), default)));

        refused.Refusals.Single().Key.ShouldBe("Permit.Sign.WorkLeaderHasNoAccount");
        refused.Refusals.Single().Args[0].ShouldBe("负责人甲");
        (await GetAsync(services, actor, id)).NextSigners.ShouldBeEmpty();
    }

    private async Task<List<Guid>> UserIdsAsync(params string[] userNames)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var ids = await db.Users.Where(u => userNames.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        return [.. userNames.Select(n => ids[n])];
    }
}
