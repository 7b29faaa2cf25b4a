using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Alarms;

/// <summary>
/// The alarm-debt ledger (ADR 0042) over alarms in known states and times: what is raised, open and past its deadline,
/// the median and 90th percentile of the times to confirm and to close, the false-alarm rate, per source, debt carried
/// into a later period, and nobody reading another region's or another enterprise's figures.
/// </summary>
public class AlarmDebtLedgerTests(AlarmDebtLedgerTests.AlarmDebtDatabase database) : IClassFixture<AlarmDebtLedgerTests.AlarmDebtDatabase>
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);

    [Fact]
    public async Task An_enterprises_row_counts_its_alarms_debt_and_handling_times_of_the_period()
    {
        var row = (await LedgerAsync(City("370200"), new SummarizeAlarmDebt.Query(November))).Rows.Items.Single(r => r.EnterpriseId == database.Qd1);

        // Five raised (the merged repeat is not one), three open (new, confirmed, dispatched), two past their deadline
        // (the new one past its 2 minutes, the dispatched one past its 5); reviewed after 60, 180, 60, 60 s; closed after 600 and 180 s.
        row.ShouldBe(new SummarizeAlarmDebt.Row(
            database.Qd1, "青岛示范石化有限公司", "370211", Raised: 5, OpenDebt: 3, PastDue: 2,
            ReviewMedianSeconds: 60, ReviewP90Seconds: 144, CloseMedianSeconds: 390, CloseP90Seconds: 558, FalseAlarms: 1, Reviewed: 4, FalseAlarmPercent: 25));
    }

    [Fact]
    public async Task One_source_counts_only_its_own_alarms()
    {
        var positioning = (await LedgerAsync(City("370200"), new SummarizeAlarmDebt.Query(November, Source: AlarmSource.Positioning))).Rows.Items.Single(r => r.EnterpriseId == database.Qd1);
        var video = (await LedgerAsync(City("370200"), new SummarizeAlarmDebt.Query(November, Source: AlarmSource.Video))).Rows.Items.Single(r => r.EnterpriseId == database.Qd1);

        (positioning.Raised, positioning.OpenDebt, positioning.PastDue, positioning.ReviewMedianSeconds, positioning.ReviewP90Seconds, positioning.FalseAlarmPercent)
            .ShouldBe((3, 1, 1, 120, 168, 50));
        (video.Raised, video.OpenDebt, video.PastDue, video.ReviewMedianSeconds, video.CloseMedianSeconds, video.FalseAlarmPercent).ShouldBe((1, 1, 0, 60, null, 0));
    }

    [Fact]
    public async Task Debt_left_open_is_carried_into_the_next_period_and_alarms_raised_after_a_period_stay_out_of_it()
    {
        var december = (await LedgerAsync(City("370200"), new SummarizeAlarmDebt.Query(ReportPeriod.Month(2026, 12)))).Rows.Items.Single(r => r.EnterpriseId == database.Qd1);
        var year = (await LedgerAsync(City("370200"), new SummarizeAlarmDebt.Query(ReportPeriod.Year(2026)))).Rows.Items.Single(r => r.EnterpriseId == database.Qd1);

        (december.Raised, december.OpenDebt, december.PastDue, december.ReviewMedianSeconds, december.FalseAlarmPercent).ShouldBe((1, 4, 2, null, null));
        (year.Raised, year.OpenDebt).ShouldBe((6, 4));
    }

    [Fact]
    public async Task A_city_reads_its_own_enterprises_the_province_all_and_an_enterprise_its_own_row()
    {
        var qingdao = await EnterprisesAsync(City("370200"), new SummarizeAlarmDebt.Query(November));
        var weifang = await EnterprisesAsync(City("370700"), new SummarizeAlarmDebt.Query(November));
        var province = await EnterprisesAsync(City("370000"), new SummarizeAlarmDebt.Query(November));
        var enterprise = await EnterprisesAsync(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "tester"), new SummarizeAlarmDebt.Query(November));

        qingdao.ShouldBe([database.Qd1, database.Qd2], ignoreOrder: true);
        weifang.ShouldBe([database.Wf1]);
        province.ShouldBe([database.Qd1, database.Qd2, database.Wf1], ignoreOrder: true);
        enterprise.ShouldBe([database.Qd2]);
        await Should.ThrowAsync<NotFoundException>(() => LedgerAsync(City("370700"), new SummarizeAlarmDebt.Query(November, RegionCode: "370200")));
        await Should.ThrowAsync<NotFoundException>(() => LedgerAsync(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "tester"), new SummarizeAlarmDebt.Query(November, RegionCode: "370211")));
    }

    [Fact]
    public async Task Row_level_security_alone_keeps_another_citys_alarms_out_of_the_statement()
    {
        // The statement asked for the whole province ("37") under a Qingdao scope: only the policies stand in the way.
        await using var db = database.AppContext(City("370200"));
        await db.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(SummarizeAlarmDebt.Sql.Ledger(SummarizeAlarmDebt.SortBy.Enterprise, false), (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("prefix", "37");
        command.Parameters.Add(new NpgsqlParameter("enterprise", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = DBNull.Value });
        command.Parameters.AddWithValue("search", "");
        command.Parameters.Add(new NpgsqlParameter("source", NpgsqlTypes.NpgsqlDbType.Integer) { Value = DBNull.Value });
        command.Parameters.AddWithValue("start", November.StartUtc);
        command.Parameters.AddWithValue("end", November.EndUtc);
        command.Parameters.AddWithValue("now", database.Clock.GetUtcNow());
        command.Parameters.AddWithValue("limit", 100);
        command.Parameters.AddWithValue("offset", 0);
        var seen = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add(reader.GetGuid(0));
            }
        }

        seen.ShouldBe([database.Qd1, database.Qd2], ignoreOrder: true);
    }

    [Fact]
    public async Task The_ledger_searches_sorts_and_pages_by_enterprise()
    {
        var search = await EnterprisesAsync(City("370000"), new SummarizeAlarmDebt.Query(November, Search: "储运"));
        var byName = await LedgerAsync(City("370000"), new SummarizeAlarmDebt.Query(November, Sort: SummarizeAlarmDebt.SortBy.OpenDebt, Descending: true, PageSize: 2));
        var second = await LedgerAsync(City("370000"), new SummarizeAlarmDebt.Query(November, Sort: SummarizeAlarmDebt.SortBy.OpenDebt, Descending: true, Page: 2, PageSize: 2));
        var wildcard = await EnterprisesAsync(City("370000"), new SummarizeAlarmDebt.Query(November, Search: "%"));

        search.ShouldBe([database.Qd2]);
        (byName.Rows.TotalCount, byName.Rows.Items[0].EnterpriseId, byName.Rows.Items.Count, second.Rows.Items.Count).ShouldBe((3, database.Qd1, 2, 1));
        wildcard.ShouldBeEmpty();
        await Should.ThrowAsync<ValidationException>(() => LedgerAsync(City("370000"), new SummarizeAlarmDebt.Query(November, Search: new string('化', 101))));
    }

    [Fact]
    public async Task The_drill_down_lists_the_enterprises_open_alarms_past_their_deadline_raised_before_the_periods_end()
    {
        await using var scope = Scope(City("370200"));
        var list = scope.ServiceProvider.GetRequiredService<ListAlarms.Handler>();

        var open = await list.HandleAsync(new ListAlarms.Query(database.Qd1, true, null, null, 1, 50, Before: November.To), default);
        var pastDue = await list.HandleAsync(new ListAlarms.Query(database.Qd1, true, null, null, 1, 50, PastDue: true, Before: November.To), default);

        open.Items.Select(a => a.Id).ShouldBe([database.Ids["C"], database.Ids["D"], database.Ids["F"]], ignoreOrder: true);
        pastDue.Items.Select(a => a.Id).ShouldBe([database.Ids["C"], database.Ids["F"]], ignoreOrder: true);
    }

    private async Task<SummarizeAlarmDebt.Result> LedgerAsync(TenantScope tenant, SummarizeAlarmDebt.Query query)
    {
        await using var scope = Scope(tenant);
        return await scope.ServiceProvider.GetRequiredService<SummarizeAlarmDebt.Handler>().HandleAsync(query, default);
    }

    private async Task<List<Guid>> EnterprisesAsync(TenantScope tenant, SummarizeAlarmDebt.Query query) =>
        [.. (await LedgerAsync(tenant, query)).Rows.Items.Select(r => r.EnterpriseId)];

    private AsyncServiceScope Scope(TenantScope tenant)
    {
        var scope = database.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = tenant;
        return scope;
    }

    private static TenantScope City(string code) => TenantScope.ForRegion(code, Guid.NewGuid(), "regulator");

    /// <summary>
    /// The demo enterprises with alarms raised on 2 November 2026, 08:00 Beijing time (T), and handled while the clock
    /// moves on, then one more on 2 December: demo-qd1 A (positioning, confirmed at T+1 min, resolved at T+10 min), B
    /// (positioning, false at T+3 min), C (positioning SOS, never reviewed) and its merged repeat, D (video, confirmed at
    /// T+1 min), F (sensor, confirmed and dispatched at T+1 min with a deadline at T+5 min), G (2 December, new);
    /// demo-qd2 and demo-wf1 one new alarm each.
    /// </summary>
    public sealed class AlarmDebtDatabase : DemoDatabase
    {
        public Dictionary<string, Guid> Ids { get; } = [];

        public ServiceProvider Services { get; private set; } = default!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Services = CreateServices();
            var t = Clock.GetUtcNow();
            var sameZone = Guid.NewGuid();
            await RaiseAsync(Qd1, "A", AlarmSource.Positioning, AlarmCategories.Sos, null);
            await RaiseAsync(Qd1, "B", AlarmSource.Positioning, AlarmCategories.UnauthorizedEntry, null);
            await RaiseAsync(Qd1, "C", AlarmSource.Positioning, AlarmCategories.Sos, sameZone);
            await RaiseAsync(Qd1, "C-repeat", AlarmSource.Positioning, AlarmCategories.Sos, sameZone);
            await RaiseAsync(Qd1, "D", AlarmSource.Video, AlarmCategories.FireFlame, null);
            await RaiseAsync(Qd1, "F", AlarmSource.Sensor, AlarmCategories.LeakSpill, null);
            await RaiseAsync(Qd2, "Q2", AlarmSource.Positioning, AlarmCategories.Sos, null);
            await RaiseAsync(Wf1, "W1", AlarmSource.Positioning, AlarmCategories.Sos, null);

            var duty = await DutyAsync();
            Clock.Advance(TimeSpan.FromMinutes(1));
            await RunAsync<ConfirmAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["A"]), default));
            await RunAsync<ConfirmAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["D"]), default));
            await RunAsync<ConfirmAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["F"]), default));
            await RunAsync<DispatchAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["F"], duty.Scope.UserId!.Value, t.AddMinutes(5)), default));
            Clock.Advance(TimeSpan.FromMinutes(2));
            await RunAsync<MarkAlarmFalse.Handler>(duty, h => h.HandleAsync(duty, new(Ids["B"], FalseAlarmReason.Misdetection, null), default));
            Clock.Advance(TimeSpan.FromMinutes(7));
            await RunAsync<DispatchAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["A"], duty.Scope.UserId!.Value, t.AddHours(1)), default));
            await RunAsync<ResolveAlarm.Handler>(duty, h => h.HandleAsync(duty, new(Ids["A"], "已到场确认，人员安全", null), default));

            Clock.SetUtcNow(t.AddMonths(1));
            await RaiseAsync(Qd1, "G", AlarmSource.Positioning, AlarmCategories.Overstay, null);
        }

        public override async Task DisposeAsync()
        {
            await Services.DisposeAsync();
            await base.DisposeAsync();
        }

        private async Task RaiseAsync(Guid enterpriseId, string name, AlarmSource source, string category, Guid? zone)
        {
            var raised = new RaisedAlarm(source, $"LEDGER-{name}", category, AlarmSeverity.Critical, Clock.GetUtcNow(), $"台账测试 {name}", ZoneId: zone ?? Guid.NewGuid());
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            Ids[name] = (await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new(enterpriseId, raised), default)).AlarmId;
        }

        private async Task<Actor> DutyAsync()
        {
            await using var db = OwnerContext(TenantScope.System);
            var userId = await db.Users.Where(u => u.UserName == "demo-qd1-admin").Select(u => u.Id).SingleAsync();
            return new Actor(TenantScope.ForEnterprise(Qd1, userId, "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
        }

        private async Task RunAsync<THandler>(Actor actor, Func<THandler, Task> call)
            where THandler : notnull
        {
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
            await call(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}
