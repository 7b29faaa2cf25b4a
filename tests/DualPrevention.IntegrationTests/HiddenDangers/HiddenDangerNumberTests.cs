using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// 隐患编号 (ADR 0032): every hidden danger takes the next number of its enterprise and year of report when it is
/// reported, concurrent reports never collide, and the number stays through the item's life.
/// </summary>
public sealed class HiddenDangerNumberTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _otherInspector = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        _otherInspector = await _driver.ActorAsync("demo-qd2-inspector");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    private int Year => BusinessTime.LocalDate(database.Clock.GetUtcNow()).Year;

    [Fact]
    public async Task A_report_takes_the_next_number_of_its_enterprise_and_year_and_keeps_it()
    {
        var first = await _driver.ReportAsync(_inspector);
        var second = await _driver.ReportAsync(_inspector);
        var elsewhere = await _driver.ReportAsync(_otherInspector);

        var numbers = await NumbersAsync(first, second, elsewhere);
        var next = Sequence(numbers[first], "demo-qd1") + 1;
        numbers[second].ShouldBe($"demo-qd1-YH-{Year}-{next:0000}");
        numbers[elsewhere].ShouldStartWith($"demo-qd2-YH-{Year}-");

        await _driver.ConfirmAsync(_admin, first, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        (await _driver.GetAsync(_admin, first)).Number.ShouldBe(numbers[first]);
    }

    [Fact]
    public async Task The_ledger_finds_a_hidden_danger_by_its_number_and_shows_it()
    {
        var id = await _driver.ReportAsync(_inspector);
        var number = (await NumbersAsync(id))[id];

        var found = await _driver.RunAsync<ListHiddenDangers.Handler, Core.Paged<ListHiddenDangers.Row>>(_admin, h => h.HandleAsync(new(Search: number), default));

        found.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        found.Items[0].Number.ShouldBe(number);
    }

    [Fact]
    public async Task Twenty_concurrent_reports_of_one_enterprise_take_twenty_consecutive_numbers()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _driver.ReportAsync(_inspector))));

        var numbers = await NumbersAsync(ids);
        numbers.Values.Distinct().Count().ShouldBe(20);
        var sequence = numbers.Values.Select(n => Sequence(n, "demo-qd1")).Order().ToList();
        sequence.ShouldBe(Enumerable.Range(sequence[0], 20).ToList());
    }

    [Fact]
    public async Task A_number_is_unique_within_its_enterprise()
    {
        var first = await _driver.ReportAsync(_inspector);
        var second = await _driver.ReportAsync(_inspector);

        await using var db = database.OwnerContext(TenantScope.System);
        var clash = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlAsync(
            $"UPDATE hidden_danger SET number = (SELECT number FROM hidden_danger WHERE id = {first}) WHERE id = {second}"));
        clash.Message.ShouldContain("ix_hidden_danger_enterprise_id_number");
    }

    private async Task<Dictionary<Guid, string>> NumbersAsync(params Guid[] ids)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.HiddenDangers.IgnoreQueryFilters().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Number);
    }

    private int Sequence(string number, string shortCode)
    {
        number.ShouldStartWith($"{shortCode}-YH-{Year}-");
        return int.Parse(number[$"{shortCode}-YH-{Year}-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
