using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// The migration that brought 隐患编号 (ADR 0032) numbers the hidden dangers already there in the order they were
/// reported, per enterprise and year of report, and the next report continues after them.
/// </summary>
public sealed class HiddenDangerNumberBackfillTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly HiddenDangerDriver _driver = new(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task Existing_hidden_dangers_are_numbered_by_report_time_and_the_counters_continue_after_them()
    {
        var inspector = await _driver.ActorAsync("demo-qd1-inspector");
        var lastYearLate = await _driver.ReportAsync(inspector);
        var thisYear = await _driver.ReportAsync(inspector);
        var lastYearEarly = await _driver.ReportAsync(inspector);
        var elsewhere = await _driver.ReportAsync(await _driver.ActorAsync("demo-qd2-inspector"));
        var year = BusinessTime.LocalDate(database.Clock.GetUtcNow()).Year;

        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var migrations = owner.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            var before = migrations[migrations.FindIndex(id => id.EndsWith("_NumberedHiddenDangersPerEnterprise", StringComparison.Ordinal)) - 1];
            await owner.GetService<IMigrator>().MigrateAsync(before);
            await owner.Database.ExecuteSqlAsync($"UPDATE hidden_danger SET reported_at = {new DateTimeOffset(year - 1, 11, 30, 16, 30, 0, TimeSpan.Zero)} WHERE id = {lastYearLate}");
            await owner.Database.ExecuteSqlAsync($"UPDATE hidden_danger SET reported_at = {new DateTimeOffset(year - 1, 3, 1, 0, 0, 0, TimeSpan.Zero)} WHERE id = {lastYearEarly}");
            await owner.Database.ExecuteSqlAsync($"UPDATE hidden_danger SET reported_at = {new DateTimeOffset(year - 1, 12, 31, 16, 30, 0, TimeSpan.Zero)} WHERE id = {thisYear}");
        }

        await new DatabaseMigrator(database.Clock, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(database.OwnerConnectionString, TestDatabase.AppRole, CancellationToken.None);

        var numbers = await NumbersAsync();
        var lastYearNumbers = numbers.Where(n => n.Value.StartsWith($"demo-qd1-YH-{year - 1}-", StringComparison.Ordinal)).ToDictionary();
        var sequences = lastYearNumbers.ToDictionary(n => n.Key, n => int.Parse(n.Value[^4..], CultureInfo.InvariantCulture));
        sequences.Values.Order().ShouldBe(Enumerable.Range(1, sequences.Count));
        sequences[lastYearEarly].ShouldBeLessThan(sequences[lastYearLate], "reported earlier, though entered later");
        numbers[thisYear].ShouldStartWith($"demo-qd1-YH-{year}-", customMessage: "00:30 on 1 January in Shanghai is the new year");
        numbers[elsewhere].ShouldStartWith($"demo-qd2-YH-{year}-");
        numbers.Values.Distinct().Count().ShouldBe(numbers.Count);

        var next = await _driver.ReportAsync(inspector);
        var thisYearCount = numbers.Values.Count(n => n.StartsWith($"demo-qd1-YH-{year}-", StringComparison.Ordinal));
        (await NumbersAsync())[next].ShouldBe($"demo-qd1-YH-{year}-{thisYearCount + 1:0000}");
    }

    private async Task<Dictionary<Guid, string>> NumbersAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.HiddenDangers.IgnoreQueryFilters().ToDictionaryAsync(h => h.Id, h => h.Number);
    }
}
