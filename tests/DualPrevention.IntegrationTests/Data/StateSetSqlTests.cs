using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// A state set and a predicate mean the same on real PostgreSQL whether an entity asks, a LINQ query filters or an SQL
/// statement splices the fragment in, for every value of the enum.
/// </summary>
public class StateSetSqlTests(StateMatrixDatabase database) : IClassFixture<StateMatrixDatabase>
{
    public static TheoryData<string> Sets => [.. DeclaredStateSets.All.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> HiddenDangerSets => [.. SetsOf<HiddenDangerState>(typeof(HiddenDangerStates)).Keys];

    public static TheoryData<string> WindowSets => [.. SetsOf<InspectionTaskStatus>(typeof(InspectionTaskStates)).Keys];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task A_state_set_holds_the_same_values_in_SQL_as_in_CSharp(string set)
    {
        var declared = DeclaredStateSets.All[set];
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT v FROM unnest(@values) AS v WHERE {declared.Sql("v")} ORDER BY v", connection);
        command.Parameters.AddWithValue("values", declared.AllValues.ToArray());

        (await ReadAsync<long>(command)).ShouldBe(declared.Members.Order().ToList());
    }

    [Theory]
    [MemberData(nameof(HiddenDangerSets))]
    public async Task A_hidden_danger_set_selects_the_same_rows_in_LINQ_SQL_and_memory(string set)
    {
        var states = SetsOf<HiddenDangerState>(typeof(HiddenDangerStates))[set];
        await using var db = database.OwnerContext(TenantScope.System);
        var all = await db.HiddenDangers.Select(h => new { h.Id, h.State }).ToListAsync();

        var byLinq = await db.HiddenDangers.Where(h => states.Members.Contains(h.State)).Select(h => h.Id).ToListAsync();
        var bySql = await IdsAsync(db, "hidden_danger h", states.Sql("h.state"));

        var inMemory = all.Where(h => states.Contains(h.State)).Select(h => h.Id).ToList();
        inMemory.ShouldNotBeEmpty();
        byLinq.ShouldBe(inMemory, ignoreOrder: true);
        bySql.ShouldBe(inMemory, ignoreOrder: true);
    }

    [Fact]
    public async Task Overdue_is_the_same_for_the_entity_a_LINQ_query_and_SQL_in_every_state_and_deadline()
    {
        var today = StateMatrixDatabase.Today;
        await using var db = database.OwnerContext(TenantScope.System);
        var all = await db.HiddenDangers.AsNoTracking().ToListAsync();

        var byLinq = await db.HiddenDangers.Where(HiddenDangerStates.OverdueOn(today)).Select(h => h.Id).ToListAsync();
        var notByLinq = await db.HiddenDangers.Where(HiddenDangerStates.NotOverdueOn(today)).Select(h => h.Id).ToListAsync();
        var bySql = await IdsAsync(db, "hidden_danger h", HiddenDangerStates.OverdueSql("h", "@today"), new NpgsqlParameter("today", today));

        var byEntity = all.Where(h => h.IsOverdueOn(today)).Select(h => h.Id).ToList();
        all.Count.ShouldBe(Enum.GetValues<HiddenDangerState>().Length * StateMatrixDatabase.Deadlines.Length);
        byEntity.Count.ShouldBe(HiddenDangerStates.Open.Members.Length, "each open state once, with yesterday's deadline");
        byLinq.ShouldBe(byEntity, ignoreOrder: true);
        bySql.ShouldBe(byEntity, ignoreOrder: true);
        notByLinq.ShouldBe(all.Select(h => h.Id).Except(byEntity), ignoreOrder: true);
        all.Where(h => h.IsOverdueOn(today)).ShouldAllBe(h => HiddenDangerStates.DaysOverdue(h.State, h.Deadline, today) == 1);
    }

    [Theory]
    [MemberData(nameof(WindowSets))]
    public async Task A_window_set_selects_the_same_rows_in_LINQ_SQL_and_memory(string set)
    {
        var statuses = SetsOf<InspectionTaskStatus>(typeof(InspectionTaskStates))[set];
        await using var db = database.OwnerContext(TenantScope.System);
        var all = await db.InspectionTasks.Select(t => new { t.Id, t.Status }).ToListAsync();

        var byLinq = await db.InspectionTasks.Where(t => statuses.Members.Contains(t.Status)).Select(t => t.Id).ToListAsync();
        var bySql = await IdsAsync(db, "inspection_task t", statuses.Sql("t.status"));

        all.Select(t => t.Status).Distinct().Count().ShouldBe(Enum.GetValues<InspectionTaskStatus>().Length, "windows of every status");
        var inMemory = all.Where(t => statuses.Contains(t.Status)).Select(t => t.Id).ToList();
        byLinq.ShouldBe(inMemory, ignoreOrder: true);
        bySql.ShouldBe(inMemory, ignoreOrder: true);
    }

    [Fact]
    public async Task A_statutory_working_day_is_the_same_in_CSharp_and_SQL_for_every_calendar_entry()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT d::date AS day, k AS kind, {HolidayCalendarDay.IsStatutoryWorkingDaySql("d", "k")} AS working
            FROM generate_series(DATE '2026-09-28', DATE '2026-10-11', interval '1 day') AS d
            CROSS JOIN unnest(ARRAY[NULL, {(int)HolidayKind.Holiday}, {(int)HolidayKind.AdjustedWorkingDay}]) AS k
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var day = reader.ValueOf<DateOnly>("day");
            var kind = (HolidayKind?)reader.NullableValueOf<int>("kind");
            reader.ValueOf<bool>("working").ShouldBe(HolidayCalendarDay.IsStatutoryWorkingDay(day, kind), $"{day} {kind}");
        }

        rows.ShouldBe(14 * 3);
    }

    private static Dictionary<string, StateSet<TEnum>> SetsOf<TEnum>(Type declaringType)
        where TEnum : struct, Enum =>
        declaringType.GetFields().Where(f => f.FieldType == typeof(StateSet<TEnum>)).ToDictionary(f => f.Name, f => (StateSet<TEnum>)f.GetValue(null)!);

    /// <summary>The ids of the rows of <paramref name="table"/> (with its alias) for which <paramref name="condition"/> holds.</summary>
    private static Task<List<Guid>> IdsAsync(DbContext db, string table, string condition, params object[] parameters)
    {
        var sql = $"SELECT id AS \"Value\" FROM {table} WHERE {condition}";
        return db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlCommand command)
    {
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
