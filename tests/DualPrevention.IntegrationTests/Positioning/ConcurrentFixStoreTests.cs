using System.Globalization;
using System.Text;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// A consumer stores several batches at once (ADR 0038, <c>StoreConcurrency</c>): batches holding the same tags in
/// opposite orders lock the tags' rows in one order, so they wait for each other and never deadlock, and what each
/// stored is all there: every point, each tag's newest position and the day's count.
/// </summary>
public class ConcurrentFixStoreTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const int Tags = 40;
    private const int Rounds = 8;

    [Fact]
    public async Task Batches_of_the_same_tags_in_opposite_orders_stored_at_once_keep_every_fix_and_the_newest_position()
    {
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
        }

        var serials = await RegisterTagsAsync();
        var start = database.Clock.GetUtcNow().AddMinutes(-30);
        var acceptedBefore = await AcceptedTodayAsync();
        for (var round = 0; round < Rounds; round++)
        {
            // Two batches, one second apart, every tag moving 5 m per fix so that the thinning keeps each one.
            var forward = Batch(serials, start.AddSeconds(round * 2), round * 10);
            var backward = Batch([.. serials.AsEnumerable().Reverse()], start.AddSeconds(round * 2 + 1), round * 10 + 5);
            var stored = await Task.WhenAll(StoreAsync(services, forward), StoreAsync(services, backward));
            stored.ShouldAllBe(accepted => accepted == Tags);
        }

        await using var db = database.OwnerContext(TenantScope.System);
        var tagIds = await db.Set<PositioningTag>().Where(t => serials.Contains(t.Serial)).Select(t => t.Id).ToListAsync();
        (await db.Set<PositionSample>().CountAsync(s => tagIds.Contains(s.TagId))).ShouldBe(Tags * Rounds * 2);
        var newest = await db.Set<TagPosition>().Where(p => tagIds.Contains(p.TagId)).Select(p => new { p.FixedAt, p.X }).ToListAsync();
        newest.Count.ShouldBe(Tags);
        newest.ShouldAllBe(p => p.FixedAt == start.AddSeconds((Rounds - 1) * 2 + 1) && p.X == (Rounds - 1) * 10 + 5);
        (await AcceptedTodayAsync() - acceptedBefore).ShouldBe(Tags * Rounds * 2);
    }

    private static AcceptFixes.Delivery Batch(IReadOnlyList<string> serials, DateTimeOffset at, double x)
    {
        var time = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var payload = "[" + string.Join(',', serials.Select(s => $$"""{"tag":"{{s}}","time":"{{time}}","x":{{x.ToString(CultureInfo.InvariantCulture)}},"y":0}""")) + "]";
        return new AcceptFixes.Delivery(Guid.Empty, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), at));
    }

    private async Task<int> StoreAsync(IServiceProvider services, AcceptFixes.Delivery delivery)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var stored = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
            .StoreAsync([delivery with { EnterpriseId = database.Qd1 }], CancellationToken.None);
        return stored.Outcomes[0].Accepted;
    }

    private async Task<List<string>> RegisterTagsAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == database.Qd1).Select(e => e.RegionCode).SingleAsync();
        var serials = Enumerable.Range(1, Tags).Select(i => $"CONC-{i:D3}").ToList();
        foreach (var serial in serials)
        {
            db.Add(PositioningTag.Register(database.Qd1, region, serial, TagKind.Badge, database.Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
        return serials;
    }

    private async Task<long> AcceptedTodayAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<FixCount>().Where(c => c.EnterpriseId == database.Qd1).SumAsync(c => c.Accepted);
    }
}
