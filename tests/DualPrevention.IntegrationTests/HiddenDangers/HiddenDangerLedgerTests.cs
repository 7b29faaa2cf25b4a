using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Testing;
using FluentValidation;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>Six hidden dangers of three enterprises, seeded once for <see cref="HiddenDangerLedgerTests"/>.</summary>
public sealed class LedgerDatabase : DemoDatabase
{
    public Guid Late { get; private set; }

    public Guid DueToday { get; private set; }

    public Guid AcceptedLate { get; private set; }

    public Guid Major { get; private set; }

    public Guid SelfReported { get; private set; }

    public Guid Weifang { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Late = await HiddenDangerSeed.AddAsync(this, Qd1, "消防通道堵塞", deadline: new DateOnly(2026, 10, 30), foundOn: new DateOnly(2026, 10, 20), ledgerNo: "QD-001");
        DueToday = await HiddenDangerSeed.AddAsync(this, Qd1, "配电箱门未关", deadline: new DateOnly(2026, 11, 2), foundOn: new DateOnly(2026, 10, 28));
        AcceptedLate = await HiddenDangerSeed.AddAsync(this, Qd1, "护栏缺失", state: HiddenDangerState.Accepted, deadline: new DateOnly(2026, 10, 1), foundOn: new DateOnly(2026, 9, 20));
        Major = await HiddenDangerSeed.AddAsync(this, Qd1, "储罐区可燃气体报警器失效", HiddenDangerLevel.Major, deadline: new DateOnly(2026, 12, 31), foundOn: new DateOnly(2026, 11, 1));
        SelfReported = await HiddenDangerSeed.AddAsync(this, Qd2, "安全阀超期未校验", HiddenDangerLevel.General, HiddenDangerState.PendingAcceptance,
            new DateOnly(2026, 11, 10), new DateOnly(2026, 10, 31), origin: HiddenDangerOrigin.SelfReport, source: InspectionSource.Specialist);
        Weifang = await HiddenDangerSeed.AddAsync(this, Wf1, "潍坊企业的隐患", deadline: new DateOnly(2026, 10, 1));
    }
}

public class HiddenDangerLedgerTests(LedgerDatabase database) : IClassFixture<LedgerDatabase>
{
    private Task<Core.Paged<ListHiddenDangers.Row>> ListAsync(Actor actor, ListHiddenDangers.Query query) =>
        As.RunAsync<ListHiddenDangers.Handler, Core.Paged<ListHiddenDangers.Row>>(database, actor, h => h.HandleAsync(query, CancellationToken.None));

    [Fact]
    public async Task Overdue_is_derived_from_the_local_date_and_starts_the_day_after_the_deadline()
    {
        var enterprise = As.Enterprise(database.Qd1);

        // 23:59 Beijing time on the deadline day of database.DueToday: only database.Late is overdue, by 3 days.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 15, 59, 0, TimeSpan.Zero));
        var evening = await ListAsync(enterprise, new(Overdue: true));
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero));
        var midnight = await ListAsync(enterprise, new(Overdue: true, Sort: ListHiddenDangers.SortBy.Deadline, Descending: false));

        evening.Items.Select(r => (r.Id, r.DaysOverdue)).ShouldBe([(database.Late, 3)]);
        midnight.Items.Select(r => (r.Id, r.DaysOverdue)).ShouldBe([(database.Late, 4), (database.DueToday, 1)]);
        midnight.Items.ShouldAllBe(r => r.IsOverdue);
        var notOverdue = await ListAsync(enterprise, new(Overdue: false));
        notOverdue.Items.Select(r => r.Id).ShouldBe([database.Major, database.AcceptedLate], ignoreOrder: true);
        notOverdue.Items.ShouldAllBe(r => !r.IsOverdue && r.DaysOverdue == 0);
    }

    [Fact]
    public async Task Filters_narrow_the_ledger_by_state_level_source_origin_period_and_text()
    {
        var province = As.Region("370000", Roles.ProvinceStaff);

        (await ListAsync(province, new(States: [HiddenDangerState.Accepted]))).Items.Select(r => r.Id).ShouldBe([database.AcceptedLate]);
        (await ListAsync(province, new(Level: HiddenDangerLevel.Major))).Items.Select(r => r.Id).ShouldBe([database.Major]);
        (await ListAsync(province, new(Source: InspectionSource.Specialist))).Items.Select(r => r.Id).ShouldBe([database.SelfReported]);
        (await ListAsync(province, new(Origin: HiddenDangerOrigin.SelfReport))).Items.Select(r => r.Id).ShouldBe([database.SelfReported]);
        (await ListAsync(province, new(From: new DateOnly(2026, 10, 28), To: new DateOnly(2026, 10, 31)))).Items.Select(r => r.Id)
            .ShouldBe([database.DueToday, database.SelfReported], ignoreOrder: true);
        (await ListAsync(province, new(Search: "qd-00"))).Items.Select(r => r.Id).ShouldBe([database.Late]);
        (await ListAsync(province, new(Search: "报警器"))).Items.Select(r => r.Id).ShouldBe([database.Major]);
        (await ListAsync(province, new(EnterpriseId: database.Qd2))).Items.Select(r => r.Id).ShouldBe([database.SelfReported]);
    }

    [Fact]
    public async Task Sorting_and_paging_happen_in_the_database()
    {
        var province = As.Region("370000", Roles.ProvinceStaff);

        var byLevel = await ListAsync(province, new(Sort: ListHiddenDangers.SortBy.Level, Descending: true, PageSize: 2));
        var second = await ListAsync(province, new(Sort: ListHiddenDangers.SortBy.ReportedAt, Descending: true, Page: 2, PageSize: 2));

        byLevel.TotalCount.ShouldBe(6);
        byLevel.Items.Count.ShouldBe(2);
        byLevel.Items[0].Id.ShouldBe(database.Major);
        second.Items.Select(r => r.Id).ShouldBe([database.DueToday, database.Late]);
    }

    [Fact]
    public async Task Each_scope_sees_only_its_own_hidden_dangers()
    {
        var qd1 = await ListAsync(As.Enterprise(database.Qd1), new(EnterpriseId: database.Wf1));
        var qingdao = await ListAsync(As.Region("370200", Roles.CityReviewer), new());
        var weifang = await ListAsync(As.Region("370700", Roles.CityReviewer), new());

        qd1.Items.ShouldBeEmpty();
        (await ListAsync(As.Enterprise(database.Qd1), new())).Items.ShouldAllBe(r => r.EnterpriseId == database.Qd1);
        qingdao.TotalCount.ShouldBe(5);
        qingdao.Items.ShouldNotContain(r => r.Id == database.Weifang);
        weifang.Items.Select(r => r.Id).ShouldBe([database.Weifang]);
    }

    [Fact]
    public async Task A_reversed_period_is_refused()
    {
        await Should.ThrowAsync<ValidationException>(() =>
            ListAsync(As.Enterprise(database.Qd1), new(From: new DateOnly(2026, 11, 2), To: new DateOnly(2026, 11, 1))));
    }
}
