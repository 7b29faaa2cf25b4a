using System.Globalization;
using System.Text;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// Batches stored at once are thinned in the order the consumer took them (ADR 0038, <see cref="ThinningTurn"/>): a
/// batch thins against the points of the batch before it even while that one is not committed yet, so the track keeps
/// what one batch at a time keeps.
/// </summary>
public class TakeOrderThinningTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_batch_thinned_while_the_one_before_it_waits_to_commit_drops_a_fix_closer_than_a_metre_to_that_ones_point()
    {
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
        }

        var tagId = await RegisterTagAsync("TURN-001");
        var start = database.Clock.GetUtcNow().AddMinutes(-20);
        (await StoreAsync(services, Fix("TURN-001", start, 0), null)).ShouldBe(1);

        // The tag's position row is held, so the first batch thins, writes its track and then waits to commit.
        await using var holder = database.OwnerContext(TenantScope.System);
        await using var held = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM tag_position WHERE tag_id = {tagId} FOR UPDATE");

        var first = ThinningTurn.First();
        var second = first.Next();
        var storingFirst = StoreAsync(services, Fix("TURN-001", start.AddSeconds(1), 5), first);
        var storingSecond = StoreAsync(services, Fix("TURN-001", start.AddSeconds(2), 5.2), second);
        await second.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        storingFirst.IsCompleted.ShouldBeFalse();
        await held.RollbackAsync();
        (await Task.WhenAll(storingFirst, storingSecond)).ShouldBe([1, 1]);

        await using var db = database.OwnerContext(TenantScope.System);
        var track = await db.Set<PositionSample>().Where(s => s.TagId == tagId).OrderBy(s => s.FixedAt).Select(s => s.X).ToListAsync();
        track.ShouldBe(new double?[] { 0, 5 });
        (await db.Set<TagPosition>().Where(p => p.TagId == tagId).Select(p => p.TrackedX).SingleAsync()).ShouldBe(5d);
    }

    private static AcceptFixes.Delivery Fix(string serial, DateTimeOffset at, double x)
    {
        var time = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var payload = $$"""{"tag":"{{serial}}","time":"{{time}}","x":{{x.ToString(CultureInfo.InvariantCulture)}},"y":0}""";
        return new AcceptFixes.Delivery(Guid.Empty, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), at));
    }

    private async Task<int> StoreAsync(IServiceProvider services, AcceptFixes.Delivery delivery, ThinningTurn? turn)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var stored = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
            .StoreAsync([delivery with { EnterpriseId = database.Qd1 }], turn, CancellationToken.None);
        return stored.Outcomes[0].Accepted;
    }

    private async Task<Guid> RegisterTagAsync(string serial)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == database.Qd1).Select(e => e.RegionCode).SingleAsync();
        var tag = PositioningTag.Register(database.Qd1, region, serial, TagKind.Badge, database.Clock.GetUtcNow());
        db.Add(tag);
        await db.SaveChangesAsync();
        return tag.Id;
    }
}
