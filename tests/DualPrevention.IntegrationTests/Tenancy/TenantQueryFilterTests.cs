using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>The EF Core tenant filter alone: these contexts use the owner connection, which row-level security does not bind.</summary>
public class TenantQueryFilterTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task An_enterprise_context_reads_only_its_enterprise_even_without_row_level_security()
    {
        await using var db = database.OwnerContext(TenantScope.ForEnterprise(database.Qd1));

        (await db.Enterprises.Select(e => e.ShortCode).ToListAsync()).ShouldBe(["demo-qd1"]);
        (await db.Enterprises.FindAsync(database.Wf1)).ShouldBeNull();
    }

    [Fact]
    public async Task A_city_context_reads_only_its_city()
    {
        await using var db = database.OwnerContext(TenantScope.ForRegion("370700"));

        (await db.Enterprises.Select(e => e.ShortCode).ToListAsync()).ShouldBe(["demo-wf1"]);
    }

    [Fact]
    public async Task A_context_without_scope_reads_nothing()
    {
        await using var db = database.OwnerContext(TenantScope.None);

        (await db.Enterprises.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Crossing_the_filter_explicitly_still_meets_row_level_security_on_the_app_role()
    {
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd1));

        var all = await db.Enterprises.IgnoreQueryFilters([DualPreventionDbContext.TenantFilter]).Select(e => e.ShortCode).ToListAsync();

        all.ShouldBe(["demo-qd1"]);
    }

    [Fact]
    public async Task Every_tenant_table_has_row_level_security_enabled_and_is_not_owned_by_the_app_role()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var tenantTables = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(Core.Enterprises.Enterprise) || t.ClrType == typeof(Core.Auditing.AuditEntry)
                        || t.ClrType == typeof(Core.Reports.Exports.ReportExport) || t.ClrType == typeof(Core.Notifications.Notification))
            .Select(t => t.GetTableName()!)
            .ToList();
        tenantTables.ShouldNotBeEmpty();

        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        foreach (var table in tenantTables)
        {
            await using var command = new NpgsqlCommand(
                "SELECT c.relrowsecurity, pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.relname = @t AND c.relnamespace = 'public'::regnamespace", connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue(table);
            reader.GetBoolean(0).ShouldBeTrue($"{table} has row-level security");
            reader.GetString(1).ShouldBe(TestDatabase.OwnerRole, $"{table} is owned by the owner role");
        }
    }
}
