using System.Buffers.Binary;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Fills a fresh, migrated database with province-scale register data, fast: one binary COPY per table as the
/// table owner (row-level security does not bind the owner), rows generated while they are written so the
/// process's memory does not grow with the number of rows. Each enterprise is operating, lies in a real
/// Shandong county (round robin over the regions table) and holds 4 objects × 5 units × 5 events × 10 manual
/// measures = 1,000 measures; events carry an LS score graded against the province's default bands, no
/// assessment history (the schema does not require one).
/// </summary>
internal static class ProvinceSeeder
{
    /// <summary>Enterprises at full scale (scale 1): the province's hazardous-chemical enterprises.</summary>
    public const int FullEnterprises = 3_000;

    public const int ObjectsPerEnterprise = 4;
    public const int UnitsPerObject = 5;
    public const int EventsPerUnit = 5;
    public const int MeasuresPerEvent = 10;
    public const int MeasuresPerEnterprise = ObjectsPerEnterprise * UnitsPerObject * EventsPerUnit * MeasuresPerEvent;

    public const int UnitsPerEnterprise = ObjectsPerEnterprise * UnitsPerObject;
    public const int EventsPerEnterprise = UnitsPerEnterprise * EventsPerUnit;

    private static readonly TimeOnly DayShiftStart = new(8, 0);
    private static readonly TimeOnly DayShiftEnd = new(20, 0);

    /// <summary>Enterprises for a scale: 3,000 × scale, at least one.</summary>
    public static int EnterprisesFor(double scale) => Math.Max(1, (int)Math.Round(FullEnterprises * scale));

    /// <summary>
    /// Seeds <paramref name="enterprises"/> enterprises with their registers, created at <paramref name="now"/>,
    /// with <paramref name="measuresPerEvent"/> measures per event (10 = 1,000 per enterprise, the task-generation
    /// load; a benchmark that needs the register only as foreign-key targets may seed fewer).
    /// Ids are deterministic (<see cref="Id"/>), so another step can reach any row without reading it back.
    /// </summary>
    public static async Task<ProvinceSeed> SeedAsync(string ownerConnectionString, int enterprises, DateTimeOffset now, int measuresPerEvent = MeasuresPerEvent)
    {
        // Completing a COPY of millions of rows outlasts the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var counties = await ReadListAsync<string>(connection, "SELECT code FROM region WHERE level = 3 AND code LIKE '37%' ORDER BY code");
        var lsBands = (await ReadListAsync<Guid>(connection, "SELECT id FROM risk_band_table WHERE region_code = '370000' AND method = 1 ORDER BY version DESC LIMIT 1"))[0];
        var at = now.ToUniversalTime();
        string County(int enterprise) => counties[enterprise % counties.Count];

        await CopyAsync(connection, "enterprise (id, short_code, name, unified_social_credit_code, region_code, kinds, address, principal_name, status, is_major_hazard_enterprise, created_at, updated_at)", enterprises, 1, async (w, e, _) =>
        {
            await w.WriteAsync(Id(Table.Enterprise, e, 0), NpgsqlDbType.Uuid);
            await w.WriteAsync($"bench-{e:D5}", NpgsqlDbType.Varchar);
            await w.WriteAsync($"基准化工企业{e + 1:D5}有限公司", NpgsqlDbType.Varchar);
            await w.WriteAsync($"91370000MA{e:D8}", NpgsqlDbType.Varchar);
            await w.WriteAsync(County(e), NpgsqlDbType.Varchar);
            await w.WriteAsync((int)(EnterpriseKinds.Production | EnterpriseKinds.Storage), NpgsqlDbType.Integer);
            await w.WriteAsync($"化工园区{e % 50 + 1}号路{e + 1}号", NpgsqlDbType.Varchar);
            await w.WriteAsync("张总", NpgsqlDbType.Varchar);
            await w.WriteAsync((int)EnterpriseStatus.Operating, NpgsqlDbType.Integer);
            await w.WriteAsync(e % 3 == 0, NpgsqlDbType.Boolean);
            await w.WriteAsync(at, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(at, NpgsqlDbType.TimestampTz);
        });

        await CopyAsync(connection, "risk_analysis_object (id, object_type, hazard_code, name, department, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, ObjectsPerEnterprise, async (w, e, o) =>
        {
            await w.WriteAsync(Id(Table.Object, e, o), NpgsqlDbType.Uuid);
            await w.WriteAsync((int)(o % 2 == 0 ? RiskObjectType.ProductionUnit : RiskObjectType.StorageFacility), NpgsqlDbType.Integer);
            await w.WriteAsync($"NONMHS-{o + 1:D3}", NpgsqlDbType.Varchar);
            await w.WriteAsync($"{(o % 2 == 0 ? "加氢反应装置" : "甲醇罐区")}{o + 1}区", NpgsqlDbType.Varchar);
            await w.WriteAsync("生产运行部", NpgsqlDbType.Varchar);
            await WriteOwnerAsync(w, e, County(e), at);
        });

        await CopyAsync(connection, "risk_analysis_unit (id, object_id, name, department, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, UnitsPerEnterprise, async (w, e, u) =>
        {
            await w.WriteAsync(Id(Table.Unit, e, u), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Object, e, u / UnitsPerObject), NpgsqlDbType.Uuid);
            await w.WriteAsync($"{u % UnitsPerObject + 1}#单元", NpgsqlDbType.Varchar);
            await w.WriteAsync("储运车间", NpgsqlDbType.Varchar);
            await WriteOwnerAsync(w, e, County(e), at);
        });

        await CopyAsync(connection, "risk_event (id, unit_id, name, accident_type, method, l, s, score, level, band_table_id, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, EventsPerEnterprise, async (w, e, v) =>
        {
            var (l, s) = (v % 5 + 1, (v / 5 + e) % 5 + 1);
            await w.WriteAsync(Id(Table.Event, e, v), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Unit, e, v / EventsPerUnit), NpgsqlDbType.Uuid);
            await w.WriteAsync($"风险事件{v % EventsPerUnit + 1}：密封失效导致可燃气体泄漏", NpgsqlDbType.Varchar);
            await w.WriteAsync("火灾、其他爆炸", NpgsqlDbType.Varchar);
            await w.WriteAsync((int)AssessmentMethod.LS, NpgsqlDbType.Integer);
            await w.WriteAsync((decimal)l, NpgsqlDbType.Numeric);
            await w.WriteAsync((decimal)s, NpgsqlDbType.Numeric);
            await w.WriteAsync((decimal)(l * s), NpgsqlDbType.Numeric);
            await w.WriteAsync((int)RiskGrading.Classify(l * s, RiskBandTable.DefaultLs), NpgsqlDbType.Integer);
            await w.WriteAsync(lsBands, NpgsqlDbType.Uuid);
            await WriteOwnerAsync(w, e, County(e), at);
        });

        await CopyAsync(connection, "control_measure (id, event_id, description, classify1, classify2, data_source, inspection_content, cycle_value, cycle_unit, work_start_time, work_end_time, work_day_type, task_type, control_level, responsible_department, responsible_person, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, EventsPerEnterprise * measuresPerEvent, async (w, e, m) =>
        {
            var cycle = Cycle(m);
            await w.WriteAsync(Id(Table.Measure, e, m), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Event, e, m / measuresPerEvent), NpgsqlDbType.Uuid);
            await w.WriteAsync($"措施{m % measuresPerEvent + 1}：检查法兰、阀门有无泄漏，液位、压力正常", NpgsqlDbType.Varchar);
            await w.WriteAsync((int)MeasureClassify1.Engineering, NpgsqlDbType.Integer);
            await w.WriteAsync("1-1", NpgsqlDbType.Varchar);
            await w.WriteAsync((int)ControlDataSource.ManualInspection, NpgsqlDbType.Integer);
            await w.WriteAsync("巡检记录完整，法兰、阀门无泄漏", NpgsqlDbType.Text);
            await w.WriteAsync(cycle.Value, NpgsqlDbType.Integer);
            await w.WriteAsync((int)cycle.Unit, NpgsqlDbType.Integer);
            await WriteNullableAsync(w, cycle.WorkStart, NpgsqlDbType.Time);
            await WriteNullableAsync(w, cycle.WorkEnd, NpgsqlDbType.Time);
            await w.WriteAsync((int)cycle.Days, NpgsqlDbType.Integer);
            await w.WriteAsync((int)InspectionTaskType.Routine, NpgsqlDbType.Integer);
            await w.WriteAsync((int)ControlLevel.Workshop, NpgsqlDbType.Integer);
            await w.WriteAsync("储运车间", NpgsqlDbType.Varchar);
            await w.WriteAsync($"张工{m % 40 + 1:D2}", NpgsqlDbType.Varchar);
            await WriteOwnerAsync(w, e, County(e), at);
        });

        // Statistics for the seeded tables only, as autovacuum leaves them after an import: analysing the still
        // empty inspection tables as well would record them as empty, and the job's first run would then rescan
        // the definitions it is inserting once per measure (docs/benchmarks.md, task-generation).
        await using (var analyze = new NpgsqlCommand("ANALYZE enterprise, risk_analysis_object, risk_analysis_unit, risk_event, control_measure", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return new ProvinceSeed(enterprises, (long)enterprises * EventsPerEnterprise * measuresPerEvent, counties.Count);
    }

    /// <summary>
    /// The schedule of an enterprise's measure <paramref name="measure"/> (0–999), repeating every 20 measures:
    /// 10 % every 2 h inside 08:00–20:00, 15 % every 8 h round the clock, 45 % daily (a third of them on
    /// statutory working days only), 20 % weekly (7 days), 10 % monthly.
    /// </summary>
    public static (int Value, CycleUnit Unit, TimeOnly? WorkStart, TimeOnly? WorkEnd, WorkDayType Days) Cycle(int measure) => (measure % 20) switch
    {
        < 2 => (2, CycleUnit.Hour, DayShiftStart, DayShiftEnd, WorkDayType.EveryDay),
        < 5 => (8, CycleUnit.Hour, null, null, WorkDayType.EveryDay),
        < 8 => (1, CycleUnit.Day, null, null, WorkDayType.StatutoryWorkingDays),
        < 14 => (1, CycleUnit.Day, null, null, WorkDayType.EveryDay),
        < 18 => (7, CycleUnit.Day, null, null, WorkDayType.EveryDay),
        _ => (1, CycleUnit.Month, null, null, WorkDayType.EveryDay),
    };

    /// <summary>
    /// The id of row <paramref name="index"/> of enterprise <paramref name="enterprise"/> in a table: a version-8
    /// UUID whose bytes sort by table, enterprise, row — so ids are computed, not read back, and indexes fill in order.
    /// </summary>
    public static Guid Id(Table table, int enterprise, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = (byte)table;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..5], enterprise);
        bytes[6] = 0x80;
        bytes[8] = 0x80;
        BinaryPrimitives.WriteInt32BigEndian(bytes[12..16], index);
        return new Guid(bytes, bigEndian: true);
    }

    public static async Task CopyAsync(NpgsqlConnection connection, string target, int enterprises, int rowsPerEnterprise, Func<NpgsqlBinaryImporter, int, int, Task> writeRow)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        for (var e = 0; e < enterprises; e++)
        {
            for (var r = 0; r < rowsPerEnterprise; r++)
            {
                await writer.StartRowAsync();
                await writeRow(writer, e, r);
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>The columns every register row ends with: enterprise_id, region_code, is_deleted, created_at, updated_at.</summary>
    public static async Task WriteOwnerAsync(NpgsqlBinaryImporter writer, int enterprise, string county, DateTimeOffset at)
    {
        await writer.WriteAsync(Id(Table.Enterprise, enterprise, 0), NpgsqlDbType.Uuid);
        await writer.WriteAsync(county, NpgsqlDbType.Varchar);
        await writer.WriteAsync(false, NpgsqlDbType.Boolean);
        await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, TimeOnly? value, NpgsqlDbType type)
    {
        if (value is { } time)
        {
            await writer.WriteAsync(time, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    public static async Task<List<T>> ReadListAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }

        return list;
    }

    /// <summary>Which table an id belongs to: the first byte of <see cref="Id"/>.</summary>
    public enum Table : byte
    {
        Enterprise = 1,
        Object = 2,
        Unit = 3,
        Event = 4,
        Measure = 5,
        Definition = 6,
        Window = 7,
        HiddenDanger = 8,
        User = 9,
    }
}

/// <summary>What <see cref="ProvinceSeeder.SeedAsync"/> wrote: enterprises, manual measures, counties used.</summary>
internal sealed record ProvinceSeed(int Enterprises, long Measures, int Counties);
