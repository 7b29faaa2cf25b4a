using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.MajorHazards;

/// <summary>
/// Major hazard identification on PostgreSQL (ADR 0047): the catalogue seeded from Table 1 and shared read-only, a unit
/// described and graded into an exact snapshot the database keeps as written, the register's source taking the level,
/// and another enterprise seeing none of it.
/// </summary>
public class MajorHazardGradingTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task The_catalogue_holds_the_85_rows_of_Table_1_for_every_enterprise()
    {
        await using var qd1 = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        await using var wf1 = database.AppContext(TenantScope.ForEnterprise(database.Wf1));

        (await qd1.HazardousChemicals.CountAsync(c => c.EnterpriseId == null)).ShouldBe(85);
        (await wf1.HazardousChemicals.Where(c => c.TableRow == 1).Select(c => new { c.NameZh, c.Cas, c.ThresholdQuantity, c.NamedBeta }).SingleAsync())
            .ShouldBe(new { NameZh = "氨", Cas = (string?)"7664-41-7", ThresholdQuantity = (decimal?)10m, NamedBeta = (decimal?)2m });
    }

    [Fact]
    public async Task An_enterprise_cannot_change_delete_or_add_a_shared_row_of_the_catalogue()
    {
        await using var connection = await database.OpenAppConnectionAsync(TenantScope.ForEnterprise(database.Qd1));

        (await ExecuteAsync(connection, "UPDATE hazardous_chemical SET threshold_quantity = 1000 WHERE table_row = 1")).ShouldBe(0);
        (await ExecuteAsync(connection, "DELETE FROM hazardous_chemical WHERE table_row = 2")).ShouldBe(0);
        var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection,
            "INSERT INTO hazardous_chemical (id, table_row, name_zh, name_en, hazard_class_symbols, threshold_quantity, created_at) VALUES (gen_random_uuid(), 85, 'x', 'x', '{}', 1, now())"));
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        (await db.HazardousChemicals.Where(c => c.TableRow == 1).Select(c => c.ThresholdQuantity).SingleAsync()).ShouldBe(10m);
    }

    [Fact]
    public async Task Example_8_1_graded_on_a_demo_source_is_stored_exactly_and_the_source_takes_level_3()
    {
        await using var services = database.CreateServices();
        var actor = await AdminAsync(database.Qd1, "demo-qd1-admin");
        var sourceId = await SourceOfAsync(database.Qd1);

        await DescribeAsync(services, actor, sourceId, MajorHazardUnitType.Storage, 70, ("ammonia", 30m), ("methanol", 800m), ("liquefied petroleum gas (propane, butane and mixtures)", 40m));
        var calculation = await RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, actor, h => h.HandleAsync(actor, new(sourceId), default));

        var view = await RunAsync<GetMajorHazard.Handler, GetMajorHazard.View>(services, actor, h => h.HandleAsync(sourceId, default));
        view.Latest!.Id.ShouldBe(calculation.Id);
        (view.Latest.SValue, view.Latest.RValue, view.Latest.Level, view.Latest.Alpha, view.Latest.StandardVersion)
            .ShouldBe((5.4m, (decimal?)13.2m, (MajorHazardLevel?)MajorHazardLevel.Level3, 1.5m, "GB 18218-2018"));
        view.Latest.Lines.Select(l => (l.NameZh, l.DesignMaxQuantity, l.ThresholdQuantity, l.Ratio, l.Beta, l.BetaBasis))
            .ShouldBe([("氨", 30m, 10m, 3.0m, 2m, BetaBasis.Table3), ("甲醇", 800m, 500m, 1.6m, 1m, BetaBasis.Table4), ("液化石油气(含丙烷、丁烷及其混合物)", 40m, 50m, 0.8m, 1.5m, BetaBasis.Table4)]);
        view.Latest.CalculatedByName.ShouldBe("青岛企业管理员", "the person's display name, not the login");
        (view.Level, view.RValue, view.UnitType, view.Population500m).ShouldBe((MajorHazardLevel.Level3, (decimal?)13.2m, (MajorHazardUnitType?)MajorHazardUnitType.Storage, (int?)70));
        view.Substances.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Below_S_1_the_snapshot_has_no_level_and_the_source_keeps_its_level()
    {
        await using var services = database.CreateServices();
        var actor = await AdminAsync(database.Wf1, "demo-wf1-admin");
        var sourceId = await SourceOfAsync(database.Wf1);
        var before = await RunAsync<GetMajorHazard.Handler, GetMajorHazard.View>(services, actor, h => h.HandleAsync(sourceId, default));

        await DescribeAsync(services, actor, sourceId, MajorHazardUnitType.Storage, 100, ("chlorine", 4m));
        await RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, actor, h => h.HandleAsync(actor, new(sourceId), default));

        var after = await RunAsync<GetMajorHazard.Handler, GetMajorHazard.View>(services, actor, h => h.HandleAsync(sourceId, default));
        (after.Latest!.SValue, after.Latest.IsMajorHazard, after.Latest.RValue, after.Latest.Level).ShouldBe((0.8m, false, (decimal?)null, (MajorHazardLevel?)null));
        (after.Level, after.RValue).ShouldBe((before.Level, before.RValue));
    }

    [Fact]
    public async Task A_stored_calculation_cannot_be_updated_or_deleted_by_anyone()
    {
        await using var services = database.CreateServices();
        var actor = await AdminAsync(database.Qd2, "demo-qd2-admin");
        var sourceId = await SourceOfAsync(database.Qd2);
        await DescribeAsync(services, actor, sourceId, MajorHazardUnitType.Storage, 0, ("benzene", 50m));
        var calculation = await RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, actor, h => h.HandleAsync(actor, new(sourceId), default));

        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        foreach (var sql in new[] { $"UPDATE major_hazard_calculation SET r_value = 99 WHERE id = '{calculation.Id}'", $"DELETE FROM major_hazard_calculation WHERE id = '{calculation.Id}'" })
        {
            (await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(owner, sql), sql)).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        }

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.MajorHazardCalculations.Where(c => c.Id == calculation.Id).Select(c => new { c.SValue, c.RValue, c.Level }).SingleAsync())
            .ShouldBe(new { SValue = 1.0m, RValue = (decimal?)0.5m, Level = (MajorHazardLevel?)MajorHazardLevel.Level4 });
    }

    [Fact]
    public async Task Another_enterprise_sees_none_of_the_units_substances_snapshots_or_own_chemicals()
    {
        await using var services = database.CreateServices();
        var actor = await AdminAsync(database.Qd1, "demo-qd1-admin");
        var sourceId = await SourceOfAsync(database.Qd1);
        var ownId = await RunAsync<AddHazardousChemical.Handler, Guid>(services, actor, h => h.HandleAsync(actor, new("1314-80-3", "五硫化二磷", "phosphorus pentasulfide", [HazardClass.W11, HazardClass.W10]), default));
        await RunAsync<DescribeMajorHazardUnit.Handler>(services, actor, h => h.HandleAsync(actor, new(sourceId, MajorHazardUnitType.Storage, 10, [new SubstanceLine(ownId, 300m)]), default));
        await RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, actor, h => h.HandleAsync(actor, new(sourceId), default));
        var other = await AdminAsync(database.Qd2, "demo-qd2-admin");

        (await Should.ThrowAsync<NotFoundException>(() => RunAsync<GetMajorHazard.Handler, GetMajorHazard.View>(services, other, h => h.HandleAsync(sourceId, default))))
            .Message.ShouldBe(CoreText.Get("MajorHazards.Source.NotFound"), "it names the major hazard source, not the risk register");
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<DescribeMajorHazardUnit.Handler>(services, other, h => h.HandleAsync(other, new(sourceId, MajorHazardUnitType.Storage, 10, [new SubstanceLine(ownId, 1m)]), default)));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, other, h => h.HandleAsync(other, new(sourceId), default)));
        var catalogue = await RunAsync<SearchHazardousChemicals.Handler, Paged<SearchHazardousChemicals.Row>>(services, other, h => h.HandleAsync(new("五硫化二磷"), default));
        catalogue.TotalCount.ShouldBe(0);
        var list = await RunAsync<ListMajorHazards.Handler, Paged<ListMajorHazards.Row>>(services, other, h => h.HandleAsync(new(PageSize: 200), default));
        list.Items.ShouldAllBe(r => r.EnterpriseId == database.Qd2);

        // Underneath the query filter, the policies: the other enterprise's connection reads no row of these tables.
        await using var connection = await database.OpenAppConnectionAsync(TenantScope.ForEnterprise(database.Qd2));
        foreach (var table in new[] { "major_hazard_substance", "major_hazard_calculation" })
        {
            (await ScalarAsync(connection, $"SELECT count(*) FROM {table} WHERE major_hazard_source_id = '{sourceId}'")).ShouldBe(0L, table);
        }

        (await ScalarAsync(connection, $"SELECT count(*) FROM hazardous_chemical WHERE id = '{ownId}'")).ShouldBe(0L);
        (await ExecuteAsync(connection, $"UPDATE hazardous_chemical SET name_en = 'x' WHERE id = '{ownId}'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_inspector_or_a_regulator_may_not_describe_or_grade_a_unit()
    {
        await using var services = database.CreateServices();
        var sourceId = await SourceOfAsync(database.Qd1);
        var inspector = new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.Inspector });

        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<GradeMajorHazardSource.Handler, MajorHazardCalculation>(services, inspector, h => h.HandleAsync(inspector, new(sourceId), default)));
    }

    private async Task DescribeAsync(ServiceProvider services, Actor actor, Guid sourceId, MajorHazardUnitType unitType, int population, params (string NameEn, decimal Q)[] substances)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var names = substances.Select(s => s.NameEn).ToList();
        var ids = await db.HazardousChemicals.Where(c => c.EnterpriseId == null && names.Contains(c.NameEn)).ToDictionaryAsync(c => c.NameEn, c => c.Id);
        await RunAsync<DescribeMajorHazardUnit.Handler>(services, actor, h => h.HandleAsync(
            actor, new(sourceId, unitType, population, [.. substances.Select(s => new SubstanceLine(ids[s.NameEn], s.Q))]), default));
    }

    /// <summary>A new level-4 source of the enterprise, so each test grades its own.</summary>
    private async Task<Guid> SourceOfAsync(Guid enterpriseId)
    {
        await using var services = database.CreateServices();
        await using var db = database.OwnerContext(TenantScope.System);
        var admin = await db.Users.Where(u => u.EnterpriseId == enterpriseId && u.UserName!.EndsWith("-admin")).Select(u => u.UserName!).SingleAsync();
        var actor = await AdminAsync(enterpriseId, admin);
        return await RunAsync<CreateMajorHazardSource.Handler, Guid>(services, actor, h => h.HandleAsync(
            actor, new(new MajorHazardSourceDetails($"MH-{Guid.NewGuid():N}"[..20], "罐区", MajorHazardLevel.Level4, null, null, null, null)), default));
    }

    private async Task<Actor> AdminAsync(Guid enterpriseId, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<TResult> RunAsync<THandler, TResult>(ServiceProvider services, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static async Task RunAsync<THandler>(ServiceProvider services, Actor actor, Func<THandler, Task> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
