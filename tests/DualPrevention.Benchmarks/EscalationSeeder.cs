using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using Npgsql;
using NpgsqlTypes;
using static DualPrevention.Benchmarks.ProvinceSeeder;

namespace DualPrevention.Benchmarks;

/// <summary>
/// What the escalation job reads, on top of <see cref="ProvinceSeeder"/>'s enterprises (seeded with one measure
/// per event, 100 per enterprise): one task definition per measure, 5,000,000 × scale inspection windows over the
/// three weeks before the clock, 500,000 × scale hidden dangers in mixed states and levels, and the accounts the
/// ladder notifies. One binary COPY per table as the owner; ids are computed (<see cref="ProvinceSeeder.Id"/>).
/// </summary>
internal static class EscalationSeeder
{
    /// <summary>Windows and hidden dangers at full scale (3,000 enterprises).</summary>
    public const int FullWindows = 5_000_000;

    public const int FullHiddenDangers = 500_000;

    /// <summary>One measure per event: the windows need definitions, not the task-generation register.</summary>
    public const int MeasuresPerEvent = 1;

    private const int DefinitionsPerEnterprise = EventsPerEnterprise * MeasuresPerEvent;
    private const int WindowsPerEnterprise = (FullWindows + FullEnterprises - 1) / FullEnterprises;
    private const int HiddenDangersPerEnterprise = (FullHiddenDangers + FullEnterprises - 1) / FullEnterprises;
    private const int RoundsOfWindows = (WindowsPerEnterprise + DefinitionsPerEnterprise - 1) / DefinitionsPerEnterprise;
    /// <summary>CityReviewers per Shandong city: a city step notifies both.</summary>
    public const int ReviewersPerCity = 2;

    /// <summary>ProvinceStaff accounts: a province step notifies all three.</summary>
    public const int ProvinceStaff = 3;

    /// <summary>User ids of a city's reviewers and of the province's staff live beyond any enterprise number.</summary>
    private const int CityUsers = 1_000_000;
    private const int ProvinceUsers = 2_000_000;

    /// <summary>Enterprise users: 0 the administrator (principal), 1 the safety officer, 2 the rectifier.</summary>
    private static readonly string[] EnterpriseRoles = [Roles.EnterpriseAdmin, Roles.SafetyOfficer, Roles.Inspector];

    public static async Task<EscalationSeed> SeedAsync(string ownerConnectionString, int enterprises, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var counties = await ReadListAsync<string>(connection, "SELECT code FROM region WHERE level = 3 AND code LIKE '37%' ORDER BY code");
        var cities = counties.Select(CityOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var roles = (await ReadListAsync<string>(connection, "SELECT name || '=' || id FROM app_role"))
            .Select(r => r.Split('=')).ToDictionary(r => r[0], r => Guid.Parse(r[1]), StringComparer.Ordinal);
        var at = now.ToUniversalTime();
        var today = BusinessTime.LocalDate(at);
        var origin = at.AddDays(-21);
        var windowLength = TimeSpan.FromDays(21) / RoundsOfWindows;
        string County(int enterprise) => counties[enterprise % counties.Count];

        await CopyAsync(connection, "inspection_task_definition (id, measure_id, unit_id, content, cycle_value, cycle_unit, first_start_at, work_day_type, task_type, source, responsible_department, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, DefinitionsPerEnterprise, async (w, e, d) =>
        {
            await w.WriteAsync(Id(Table.Definition, e, d), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Measure, e, d), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Unit, e, d / MeasuresPerEvent / EventsPerUnit), NpgsqlDbType.Uuid);
            await w.WriteAsync("巡检记录完整，法兰、阀门无泄漏", NpgsqlDbType.Varchar);
            await w.WriteAsync(30, NpgsqlDbType.Integer);
            await w.WriteAsync((int)CycleUnit.Hour, NpgsqlDbType.Integer);
            await w.WriteAsync(origin, NpgsqlDbType.TimestampTz);
            await w.WriteAsync((int)WorkDayType.EveryDay, NpgsqlDbType.Integer);
            await w.WriteAsync((int)InspectionTaskType.Routine, NpgsqlDbType.Integer);
            await w.WriteAsync((int)InspectionSource.Routine, NpgsqlDbType.Integer);
            await w.WriteAsync("储运车间", NpgsqlDbType.Varchar);
            await WriteOwnerAsync(w, e, County(e), origin);
        });

        // Window i of an enterprise belongs to definition i % 100 and is its (i / 100)-th, so (definition,
        // window_start) is unique; a tenth of the enterprises miss 10 % of their windows (more than the ladder's
        // 20 a week), the rest 2 %: about 3 % in all. Windows still running at the clock are open.
        long missed = 0;
        await CopyAsync(connection, "inspection_task (id, enterprise_id, region_code, definition_id, unit_id, task_type, window_start, window_end, status, created_at)", enterprises, WindowsPerEnterprise, async (w, e, i) =>
        {
            var definition = i % DefinitionsPerEnterprise;
            var start = origin + (windowLength * (i / DefinitionsPerEnterprise)) + TimeSpan.FromMinutes(7 * definition);
            var end = start + windowLength;
            var status = end > at ? InspectionTaskStatus.Open
                : (e % 10 == 0 ? i % 10 == 3 : i % 50 == 7) ? InspectionTaskStatus.Missed
                : InspectionTaskStatus.Completed;
            missed += status == InspectionTaskStatus.Missed ? 1 : 0;
            await w.WriteAsync(Id(Table.Window, e, i), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Enterprise, e, 0), NpgsqlDbType.Uuid);
            await w.WriteAsync(County(e), NpgsqlDbType.Varchar);
            await w.WriteAsync(Id(Table.Definition, e, definition), NpgsqlDbType.Uuid);
            await w.WriteAsync(Id(Table.Unit, e, definition / MeasuresPerEvent / EventsPerUnit), NpgsqlDbType.Uuid);
            await w.WriteAsync((int)InspectionTaskType.Routine, NpgsqlDbType.Integer);
            await w.WriteAsync(start, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(end, NpgsqlDbType.TimestampTz);
            await w.WriteAsync((int)status, NpgsqlDbType.Integer);
            await w.WriteAsync(start, NpgsqlDbType.TimestampTz);
        });

        long open = 0;
        await CopyAsync(connection, "hidden_danger (id, state, name, description, level, source, origin, remediation_type, rectifier_user_id, rectifier_name, deadline, registered_at, confirmed_at, rectified_at, accepter_user_id, accepter_name, accepted_at, reported_at, reported_by_name, enterprise_id, region_code, is_deleted, created_at, updated_at)", enterprises, HiddenDangersPerEnterprise, async (w, e, j) =>
        {
            var danger = Danger(e, j, today);
            open += danger.State is HiddenDangerState.PendingConfirmation or HiddenDangerState.Rectifying or HiddenDangerState.PendingAcceptance ? 1 : 0;
            var registered = BusinessTime.FromLocal(danger.Deadline.AddDays(-30).ToDateTime(new TimeOnly(10, 0)));
            var state = (int)danger.State;
            await w.WriteAsync(Id(Table.HiddenDanger, e, j), NpgsqlDbType.Uuid);
            await w.WriteAsync(state, NpgsqlDbType.Integer);
            await w.WriteAsync($"{(j % 2 == 0 ? "罐区围堰" : "装置区法兰")}{j + 1}处隐患", NpgsqlDbType.Varchar);
            await w.WriteAsync("巡检发现法兰垫片老化、可燃气体检测报警仪未定期标定", NpgsqlDbType.Varchar);
            await w.WriteAsync((int)danger.Level, NpgsqlDbType.Integer);
            await w.WriteAsync((int)InspectionSource.Routine, NpgsqlDbType.Integer);
            await w.WriteAsync((int)HiddenDangerOrigin.SelfReport, NpgsqlDbType.Integer);
            await w.WriteAsync((int)RemediationType.FixByDeadline, NpgsqlDbType.Integer);
            await w.WriteAsync(Id(Table.User, e, 2), NpgsqlDbType.Uuid);
            await w.WriteAsync("李工", NpgsqlDbType.Varchar);
            await w.WriteAsync(danger.Deadline, NpgsqlDbType.Date);
            await w.WriteAsync(registered, NpgsqlDbType.TimestampTz);
            await WriteAtIfAsync(w, state >= (int)HiddenDangerState.Rectifying, registered.AddHours(2));
            await WriteAtIfAsync(w, state >= (int)HiddenDangerState.PendingAcceptance, registered.AddDays(20));
            await WriteIfAsync(w, danger.State == HiddenDangerState.Accepted, Id(Table.User, e, 1), NpgsqlDbType.Uuid);
            await WriteIfAsync(w, danger.State == HiddenDangerState.Accepted, "王安全", NpgsqlDbType.Varchar);
            await WriteAtIfAsync(w, danger.State == HiddenDangerState.Accepted, registered.AddDays(21));
            await w.WriteAsync(registered, NpgsqlDbType.TimestampTz);
            await w.WriteAsync("李工", NpgsqlDbType.Varchar);
            await WriteOwnerAsync(w, e, County(e), registered);
        });

        // Major ones carry their case; a third of the enterprises' open ones are posted (挂牌), half of those past
        // the posting deadline.
        long majors = 0;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY major_hidden_danger_case (hidden_danger_id, enterprise_id, region_code, reported_to_regulator_at, production_stopped, posting_level, posting_organisation, posting_notice_no, posting_deadline, posted_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var e = 0; e < enterprises; e++)
            {
                for (var j = 0; j < HiddenDangersPerEnterprise; j++)
                {
                    var danger = Danger(e, j, today);
                    if (danger.Level != HiddenDangerLevel.Major)
                    {
                        continue;
                    }

                    majors++;
                    var posted = e % 3 == 0 && danger.State != HiddenDangerState.ClosedOut;
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Id(Table.HiddenDanger, e, j), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(Id(Table.Enterprise, e, 0), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(County(e), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(origin, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                    await WriteIfAsync(writer, posted, (int)PostingLevel.City, NpgsqlDbType.Integer);
                    await WriteIfAsync(writer, posted, "市应急管理局", NpgsqlDbType.Varchar);
                    await WriteIfAsync(writer, posted, $"督字〔2026〕{e + 1}号", NpgsqlDbType.Varchar);
                    await WriteIfAsync(writer, posted, today.AddDays(e % 6 == 0 ? -5 : 20), NpgsqlDbType.Date);
                    await WriteAtIfAsync(writer, posted, origin.AddDays(1));
                    await writer.WriteAsync(origin, NpgsqlDbType.TimestampTz);
                }
            }

            await writer.CompleteAsync();
        }

        var users = await SeedAccountsAsync(connection, enterprises, cities, roles, at);
        // As autovacuum would leave them: statistics and the visibility map (index-only scans) of what was written.
        foreach (var table in new[] { "inspection_task_definition", "inspection_task", "hidden_danger", "major_hidden_danger_case", "app_user", "app_user_role" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        return new EscalationSeed((long)enterprises * WindowsPerEnterprise, missed, (long)enterprises * HiddenDangersPerEnterprise, open, majors, users);
    }

    /// <summary>
    /// Hidden danger <paramref name="j"/> of enterprise <paramref name="e"/>: a fifth open (pending confirmation,
    /// rectifying, pending acceptance in turn) with deadlines spread from 45 days before the clock's local date to
    /// 14 days after it, so every ladder step has items due; the rest accepted or invalidated long ago. 2 % are
    /// major, half of those open and half closed out.
    /// </summary>
    private static (HiddenDangerState State, HiddenDangerLevel Level, DateOnly Deadline) Danger(int e, int j, DateOnly today)
    {
        var spread = (int)(((long)e * HiddenDangersPerEnterprise + j) * 7919 % 60);
        var level = j % 100 is 10 or 61 ? HiddenDangerLevel.Major : HiddenDangerLevel.General;
        if (j % 5 == 0)
        {
            return ((HiddenDangerState)(1 + (j / 5 % 3)), level, today.AddDays(spread - 45));
        }

        var closed = level == HiddenDangerLevel.Major ? HiddenDangerState.ClosedOut
            : j % 25 == 1 ? HiddenDangerState.Invalidated
            : HiddenDangerState.Accepted;
        return (closed, level, today.AddDays(-90 - spread));
    }

    private static async Task<long> SeedAccountsAsync(NpgsqlConnection connection, int enterprises, List<string> cities, Dictionary<string, Guid> roles, DateTimeOffset at)
    {
        var accounts = new List<(Guid Id, string UserName, Guid? EnterpriseId, string? Scope, string Role)>();
        for (var e = 0; e < enterprises; e++)
        {
            for (var u = 0; u < EnterpriseRoles.Length; u++)
            {
                accounts.Add((Id(Table.User, e, u), $"bench-{e:D5}-{u}", Id(Table.Enterprise, e, 0), null, EnterpriseRoles[u]));
            }
        }

        for (var c = 0; c < cities.Count; c++)
        {
            for (var r = 0; r < ReviewersPerCity; r++)
            {
                accounts.Add((Id(Table.User, CityUsers + c, r), $"bench-city-{cities[c]}-{r}", null, cities[c], Roles.CityReviewer));
            }
        }

        for (var s = 0; s < ProvinceStaff; s++)
        {
            accounts.Add((Id(Table.User, ProvinceUsers, s), $"bench-province-{s}", null, SeedEscalationRules.ProvinceCode, Roles.ProvinceStaff));
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY app_user (id, display_name, enterprise_id, scope_region_code, must_change_password, preferred_culture, created_at, user_name, normalized_user_name, email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var account in accounts)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(account.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(account.Role, NpgsqlDbType.Varchar);
                await WriteIfAsync(writer, account.EnterpriseId is not null, account.EnterpriseId.GetValueOrDefault(), NpgsqlDbType.Uuid);
                await WriteIfAsync(writer, account.Scope is not null, account.Scope ?? "", NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync("zh-CN", NpgsqlDbType.Varchar);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(account.UserName, NpgsqlDbType.Varchar);
                await writer.WriteAsync(account.UserName.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(account.Id.ToString("N"), NpgsqlDbType.Text);
                await writer.WriteAsync(account.Id.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY app_user_role (user_id, role_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var account in accounts)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(account.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(roles[account.Role], NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        return accounts.Count;
    }

    private static string CityOf(string county) => string.Concat(county.AsSpan(0, 4), "00");

    private static Task WriteAtIfAsync(NpgsqlBinaryImporter writer, bool present, DateTimeOffset at) =>
        WriteIfAsync(writer, present, at, NpgsqlDbType.TimestampTz);

    private static async Task WriteIfAsync<T>(NpgsqlBinaryImporter writer, bool present, T value, NpgsqlDbType type)
    {
        if (present)
        {
            await writer.WriteAsync(value, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }
}

/// <summary>What <see cref="EscalationSeeder.SeedAsync"/> wrote.</summary>
internal sealed record EscalationSeed(long Windows, long MissedWindows, long HiddenDangers, long Open, long Majors, long Users);
