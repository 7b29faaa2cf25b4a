using System.Globalization;
using System.Text.RegularExpressions;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// Numbers within their ranges (ADR 0024): every numeric column holds its domain range with a CHECK constraint named
/// <c>ck_&lt;table&gt;_&lt;column&gt;_in_range</c>, and a column holding an enumeration admits exactly its defined values' span.
/// </summary>
public partial class NumberRangesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>Columns a range would say nothing about: generated identities, and PostGIS's own catalogue of reference systems (ADR 0029).</summary>
    private static readonly string[] Exempt =
    [
        "app_role_claim.id", "app_user_claim.id", "data_protection_keys.id", "escalation_rule.id", "major_hidden_danger_criterion.id",
        "spatial_ref_sys.auth_srid", "spatial_ref_sys.srid",
    ];

    [Fact]
    public async Task Every_numeric_column_has_a_check_holding_it_within_its_range()
    {
        var columns = await NumericColumnsAsync();

        columns.Where(c => c.Check is null).Select(c => c.Name).Except(Exempt).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_enumeration_column_admits_exactly_the_span_of_its_defined_values()
    {
        var checks = (await NumericColumnsAsync()).Where(c => c.Check is not null).ToDictionary(c => c.Name, c => c.Check!);
        await using var db = database.OwnerContext(TenantScope.System);
        var wrong = new List<string>();

        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!type.IsEnum || property.GetColumnName(table) is not { } column)
                {
                    continue;
                }

                var values = Enum.GetValues(type).Cast<object>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToList();
                var (low, high) = type.IsDefined(typeof(FlagsAttribute), false) ? (values.Min(), values.Aggregate((a, b) => a | b)) : (values.Min(), values.Max());
                var name = $"{table.Name}.{column}";
                if (!checks.TryGetValue(name, out var check) || Bounds(check) != (low, high))
                {
                    wrong.Add($"{name}: {type.Name} spans {low}…{high}, check is {(checks.TryGetValue(name, out var c) ? c : "missing")}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("UPDATE risk_assessment SET l = 11", "ck_risk_assessment_l_in_range")]
    [InlineData("UPDATE enterprise SET latitude = 91", "ck_enterprise_latitude_in_range")]
    [InlineData("UPDATE control_measure SET cycle_value = 0", "ck_control_measure_cycle_value_in_range")]
    [InlineData("UPDATE hidden_danger SET state = 99", "ck_hidden_danger_state_in_range")]
    public async Task The_database_refuses_a_number_outside_its_range(string update, string constraint)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        var table = update.Split(' ')[1];
        await using var seed = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        if ((long)(await seed.ExecuteScalarAsync())! == 0)
        {
            await using var probe = new NpgsqlCommand(
                $"SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '{constraint}'", connection);
            (await probe.ExecuteScalarAsync()).ShouldNotBeNull(constraint);
            return;
        }

        await using var command = new NpgsqlCommand(update, connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        refused.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        refused.ConstraintName.ShouldBe(constraint);
    }

    private async Task<List<NumericColumn>> NumericColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT c.table_name || '.' || c.column_name,
                   (SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                    WHERE k.contype = 'c' AND k.conname LIKE '%\_in\_range' AND k.conrelid = ('public.' || quote_ident(c.table_name))::regclass
                      AND a.attname = c.column_name
                    LIMIT 1)
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision')
              AND c.table_name <> '__EFMigrationsHistory'
            ORDER BY 1
            """,
            connection);
        var columns = new List<NumericColumn>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(new NumericColumn(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>The bounds of a check PostgreSQL prints as <c>CHECK (((x &gt;= 1) AND (x &lt;= 5)))</c>.</summary>
    private static (long Low, long High)? Bounds(string check) =>
        Lower().Match(check) is { Success: true } low && Upper().Match(check) is { Success: true } high
            ? (long.Parse(low.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(high.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@">= \(?(-?\d+)\)?\)")]
    private static partial Regex Lower();

    [GeneratedRegex(@"<= \(?(-?\d+)\)?\)")]
    private static partial Regex Upper();

    private sealed record NumericColumn(string Name, string? Check);
}
