using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>Row-level security alone, by raw SQL as the application role: no EF Core filter is involved.</summary>
public class RowLevelSecurityTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task An_enterprise_scope_sees_only_its_enterprise()
    {
        var names = await ShortCodesAsync(TenantScope.ForEnterprise(database.Qd1));

        names.ShouldBe(["demo-qd1"]);
    }

    [Fact]
    public async Task The_Qingdao_scope_sees_both_Qingdao_enterprises_and_not_Weifang()
    {
        var names = await ShortCodesAsync(TenantScope.ForRegion("370200"));

        names.ShouldBe(["demo-qd1", "demo-qd2"]);
    }

    [Fact]
    public async Task The_province_scope_sees_all()
    {
        (await ShortCodesAsync(TenantScope.ForRegion("370000"))).ShouldBe(["demo-qd1", "demo-qd2", "demo-wf1"]);
    }

    [Fact]
    public async Task A_county_scope_sees_only_its_county_and_a_malformed_or_unknown_scope_sees_nothing()
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var county = new NpgsqlCommand("SELECT region_code FROM enterprise WHERE short_code = 'demo-qd1'", owner);
        var qd1County = (string)(await county.ExecuteScalarAsync())!;

        (await ShortCodesAsync(TenantScope.ForRegion(qd1County))).ShouldContain("demo-qd1");
        (await ShortCodesAsync(TenantScope.ForRegion(qd1County))).ShouldNotContain("demo-wf1");
        (await ShortCodesWithSettingsAsync("region", "", "3702")).ShouldBeEmpty("a region code must be six digits");
        (await ShortCodesWithSettingsAsync("region", database.Qd1.ToString(), "")).ShouldBeEmpty("a region scope ignores the enterprise setting");
        (await ShortCodesWithSettingsAsync("enterprise", "", "370200")).ShouldBeEmpty("an enterprise scope ignores the region setting");
        (await ShortCodesWithSettingsAsync("everything", database.Qd1.ToString(), "370000")).ShouldBeEmpty("an unknown kind allows nothing");
    }

    [Fact]
    public async Task Every_tenant_policy_reads_the_scope_once_per_statement()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            // A read policy that is plain "true" (region reference data every scope reads, e.g. direct-judgement rules) reads no scope at all.
            "SELECT tablename || '.' || policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies WHERE policyname <> 'audit_append' AND NOT (cmd = 'SELECT' AND qual = 'true')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var policies = 0;
        while (await reader.ReadAsync())
        {
            policies++;
            var predicate = reader.GetString(1);
            predicate.ShouldNotContain("dp_scope_allows", Case.Sensitive, $"{reader.GetString(0)} evaluates the scope per row");
            predicate.ShouldContain("SELECT (current_setting('app.scope_kind'::text, true) = 'system'::text)", Case.Sensitive, reader.GetString(0));
        }

        policies.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task A_city_scope_cannot_write_a_statistics_row_for_another_city()
    {
        await using var connection = await OpenAsync(TenantScope.ForRegion("370200"));
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO inspection_daily_statistic (enterprise_id, region_code, day, task_type, due, completed, late, missed, open, suspended, refreshed_at)
            VALUES (@wf1, '370702', DATE '2026-11-30', 1, 1, 1, 0, 0, 0, 0, now())
            """, connection);
        insert.Parameters.AddWithValue("wf1", database.Wf1);

        var refused = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task A_missing_scope_sees_nothing()
    {
        await using var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM enterprise", connection);

        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task An_enterprise_scope_cannot_update_another_enterprise_or_write_a_row_outside_its_scope()
    {
        await using var connection = await OpenAsync(TenantScope.ForEnterprise(database.Qd1));
        await using var update = new NpgsqlCommand("UPDATE enterprise SET name = 'taken over' WHERE short_code = 'demo-wf1'", connection);
        (await update.ExecuteNonQueryAsync()).ShouldBe(0);

        await using var move = new NpgsqlCommand("UPDATE enterprise SET id = gen_random_uuid() WHERE short_code = 'demo-qd1'", connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => move.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task The_audit_trail_is_append_only_for_the_application_role()
    {
        await using var connection = await OpenAsync(TenantScope.System);
        await using var delete = new NpgsqlCommand("DELETE FROM audit_entry", connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        await using var update = new NpgsqlCommand("UPDATE audit_entry SET user_name = 'nobody'", connection);
        (await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task A_pooled_connection_does_not_keep_the_previous_scope()
    {
        (await ShortCodesAsync(TenantScope.ForRegion("370000"))).Count.ShouldBe(3);

        // The pool hands the same connection out again: a raw open that sets no scope must see nothing.
        await using var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM enterprise", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    private Task<List<string>> ShortCodesAsync(TenantScope scope)
    {
        var (kind, enterprise, region) = TenantScopeConnectionInterceptor.SettingsFor(scope);
        return ShortCodesWithSettingsAsync(kind, enterprise, region);
    }

    /// <summary>The enterprises visible under raw session settings, as a client that bypassed the interceptor would set them.</summary>
    private async Task<List<string>> ShortCodesWithSettingsAsync(string kind, string enterprise, string region)
    {
        await using var connection = await OpenAsync(kind, enterprise, region);
        await using var command = new NpgsqlCommand("SELECT short_code FROM enterprise ORDER BY short_code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private Task<NpgsqlConnection> OpenAsync(TenantScope scope)
    {
        var (kind, enterprise, region) = TenantScopeConnectionInterceptor.SettingsFor(scope);
        return OpenAsync(kind, enterprise, region);
    }

    private async Task<NpgsqlConnection> OpenAsync(string kind, string enterprise, string region)
    {
        var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand(
            "SELECT set_config('app.scope_kind', @k, false), set_config('app.enterprise_id', @e, false), set_config('app.region_code', @r, false)", connection);
        set.Parameters.AddWithValue("k", kind);
        set.Parameters.AddWithValue("e", enterprise);
        set.Parameters.AddWithValue("r", region);
        await set.ExecuteNonQueryAsync();
        return connection;
    }
}
