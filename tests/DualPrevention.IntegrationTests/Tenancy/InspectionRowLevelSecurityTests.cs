using DualPrevention.Core.Tenancy;
using Npgsql;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>
/// Windows and records written by the system-scope jobs are still bound by row-level security: raw SQL as the
/// application role under an enterprise scope sees only that enterprise's rows.
/// </summary>
public class InspectionRowLevelSecurityTests(InspectedDemoDatabase database) : IClassFixture<InspectedDemoDatabase>
{
    [Theory]
    [InlineData("inspection_task")]
    [InlineData("inspection_record")]
    [InlineData("inspection_task_definition")]
    public async Task An_enterprise_scope_sees_only_its_own_inspection_rows(string table)
    {
        var qd1 = await EnterprisesSeenAsync(TenantScope.ForEnterprise(database.Qd1), table);
        var qd2 = await EnterprisesSeenAsync(TenantScope.ForEnterprise(database.Qd2), table);
        var system = await EnterprisesSeenAsync(TenantScope.System, table);

        qd1.ShouldBe([database.Qd1]);
        qd2.ShouldBe([database.Qd2]);
        system.Order().ShouldBe(new[] { database.Qd1, database.Qd2 }.Order());
    }

    [Fact]
    public async Task An_enterprise_scope_cannot_complete_or_reopen_another_enterprises_window()
    {
        await using var connection = await database.OpenAppConnectionAsync(TenantScope.ForEnterprise(database.Qd1));
        await using var update = new NpgsqlCommand("UPDATE inspection_task SET status = 2 WHERE enterprise_id = @other", connection);
        update.Parameters.AddWithValue("other", database.Qd2);

        (await update.ExecuteNonQueryAsync()).ShouldBe(0);
    }

    private async Task<List<Guid>> EnterprisesSeenAsync(TenantScope scope, string table)
    {
        await using var connection = await database.OpenAppConnectionAsync(scope);
        await using var command = new NpgsqlCommand($"SELECT DISTINCT enterprise_id FROM {table}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new List<Guid>();
        while (await reader.ReadAsync())
        {
            seen.Add(reader.GetGuid(0));
        }

        return seen;
    }
}
