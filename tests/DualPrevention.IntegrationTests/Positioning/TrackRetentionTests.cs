using System.Globalization;
using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// Retention of the track (docs/domain/positioning.md#45-retention-and-privacy, ADR 0038): the job
/// positioning:maintain-track-partitions drops a day's partition, with its points, once the day lies more than
/// <see cref="TrackOptions.RetentionDays"/> (30 by default, configurable) behind today in Beijing; the clock is faked.
/// </summary>
public class TrackRetentionTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_days_partition_is_kept_for_the_hot_period_and_dropped_the_day_after_and_the_period_is_configurable()
    {
        // 2026-11-02 08:00 in Beijing: one point each on 2 and 3 November.
        var start = database.Clock.GetUtcNow();
        await using var services = database.CreateServices();
        await MaintainAsync(services);
        var tag = await RegisterTagAsync();
        await DeliverAsync(services, tag, start, 1);
        database.Clock.Advance(TimeSpan.FromDays(1));
        await DeliverAsync(services, tag, database.Clock.GetUtcNow(), 2);
        (await PointsAsync(tag)).ShouldBe(2);

        // 2 December: 2 November is 30 days back and kept; 1 November (made as yesterday's on the first run) goes.
        database.Clock.Advance(TimeSpan.FromDays(29));
        (await MaintainAsync(services)).Dropped.ShouldBe(1);
        (await PointsAsync(tag)).ShouldBe(2);
        (await PartitionExistsAsync("d20261102")).ShouldBeTrue();

        database.Clock.Advance(TimeSpan.FromDays(1));
        await MaintainAsync(services);
        (await PointsAsync(tag)).ShouldBe(1);
        (await PartitionExistsAsync("d20261102")).ShouldBeFalse();
        (await PartitionExistsAsync("d20261103")).ShouldBeTrue();

        // Seven days configured: 3 November goes at once.
        await using var shorter = database.CreateServices(s => s.Configure<TrackOptions>(o => o.RetentionDays = 7));
        await MaintainAsync(shorter);
        (await PointsAsync(tag)).ShouldBe(0);
        (await PartitionExistsAsync("d20261103")).ShouldBeFalse();
        (await PartitionExistsAsync($"d{Beijing(database.Clock.GetUtcNow())}")).ShouldBeTrue();
    }

    private static string Beijing(DateTimeOffset at) => BusinessTime.LocalDate(at).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static async Task<MaintainTrackPartitions.Result> MaintainAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
    }

    private async Task<string> RegisterTagAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == database.Qd1).Select(e => e.RegionCode).SingleAsync();
        var tag = PositioningTag.Register(database.Qd1, region, "RET-01", TagKind.Badge, database.Clock.GetUtcNow());
        db.Add(tag);
        await db.SaveChangesAsync();
        return tag.Serial;
    }

    private async Task DeliverAsync(IServiceProvider services, string tag, DateTimeOffset at, double x)
    {
        var payload = $$"""{"tag":"{{tag}}","time":"{{at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}","x":{{x.ToString(CultureInfo.InvariantCulture)}},"y":0}""";
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var outcome = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
            .HandleAsync([new AcceptFixes.Delivery(database.Qd1, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), at))], CancellationToken.None);
        outcome[0].Accepted.ShouldBe(1);
    }

    private async Task<int> PointsAsync(string serial)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<PositionSample>().Join(db.Set<PositioningTag>(), s => s.TagId, t => t.Id, (s, t) => t.Serial).CountAsync(s => s == serial);
    }

    private async Task<bool> PartitionExistsAsync(string name)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Database.SqlQuery<bool>($"SELECT to_regclass({"position_sample_days." + name}) IS NOT NULL AS \"Value\"").SingleAsync();
    }
}
