using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// Dates within the world (ADR 0016): every date and timestamp column refuses values outside 2000–2100 (so
/// <c>infinity</c> never enters), and a database that holds such a row from before still migrates, seeds and serves.
/// </summary>
public class WorldDatesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Every_date_and_timestamp_column_has_a_check_holding_it_within_the_world()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT c.table_name || '.' || c.column_name
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('date', 'timestamp with time zone', 'timestamp without time zone')
              AND NOT EXISTS (
                SELECT 1 FROM pg_constraint k
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                WHERE k.contype = 'c' AND k.conname LIKE '%\_in\_world' AND k.conrelid = ('public.' || quote_ident(c.table_name))::regclass
                  AND a.attname = c.column_name)
            ORDER BY 1
            """,
            connection);
        var unchecked_ = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                unchecked_.Add(reader.GetString(0));
            }
        }

        unchecked_.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("infinity")]
    [InlineData("9999-12-31")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public async Task The_database_refuses_a_holiday_outside_the_world(string date)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand($"INSERT INTO holiday_calendar_day (date, kind, name, updated_at) VALUES ('{date}', 1, '越界', now())", connection);

        var refused = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        refused.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        refused.ConstraintName.ShouldBe("ck_holiday_calendar_day_date_in_world");
    }

    [Fact]
    public async Task A_database_holding_an_infinity_holiday_from_before_still_migrates_seeds_and_lists_the_calendar()
    {
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var before = owner.GetService<IMigrationsAssembly>().Migrations.Keys.Single(id => id.EndsWith("_Baseline", StringComparison.Ordinal));
            await owner.GetService<IMigrator>().MigrateAsync(before);
            await owner.Database.ExecuteSqlRawAsync(
                "INSERT INTO holiday_calendar_day (date, kind, name, updated_at) VALUES ('infinity', 1, '错录', now()), ('9999-12-31', 1, '错录', now())");
        }

        await new DatabaseMigrator(database.Clock, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(database.OwnerConnectionString, TestDatabase.AppRole, CancellationToken.None);
        await new DatabaseMigrator(database.Clock, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(database.OwnerConnectionString, TestDatabase.AppRole, CancellationToken.None);

        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var listed = await scope.ServiceProvider.GetRequiredService<ListHolidayCalendarDays.Handler>().HandleAsync(2026, CancellationToken.None);
        listed.Days.ShouldNotBeEmpty();
        listed.Years.ShouldAllBe(year => year >= WorldDates.First.Year && year <= WorldDates.Last.Year);
    }
}
