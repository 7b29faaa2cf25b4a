using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// 轨迹回放 (ADR 0041): a person's or a tag's thinned track over a period of at most a day, read from the day partitions
/// by their key; every replay audited with whose track and which period; regulators refused, another enterprise 404.
/// </summary>
public class TrackReplayTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    [Fact]
    public async Task The_safety_officer_replays_a_persons_track_in_time_order_and_the_view_is_audited()
    {
        var now = database.Clock.GetUtcNow();
        await database.StoreFixesAsync((5, 10, 10, now.AddMinutes(-30)), (5, 20, 10, now.AddMinutes(-20)), (5, 30, 15, now.AddMinutes(-10)));
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var (person, tag) = await HolderOfAsync("DEMO-QD1-T005");

        var track = await ReplayAsync(admin, new GetTrack.Query(person, null, now.AddHours(-1), now.AddMinutes(1)));
        var byTag = await ReplayAsync(admin, new GetTrack.Query(null, tag, now.AddMinutes(-25), now));

        track.Points.Select(p => (p.At, p.X, p.Y)).ShouldBe([(now.AddMinutes(-30), 10, 10), (now.AddMinutes(-20), 20, 10), (now.AddMinutes(-10), 30, 15)]);
        byTag.Points.Select(p => p.At).ShouldBe([now.AddMinutes(-20), now.AddMinutes(-10)], "the period bounds the points");
        byTag.Name.ShouldBe("DEMO-QD1-T005");
        await using var db = database.OwnerContext(TenantScope.System);
        var views = await db.AuditEntries.Where(a => a.Action == AuditAction.PositionsViewed && (a.EntityId == person.ToString() || a.EntityId == tag.ToString()))
            .OrderBy(a => a.Id).ToListAsync();
        views.Select(v => v.EntityType).ShouldBe([nameof(Person), nameof(PositioningTag)]);
        views.ShouldAllBe(v => v.UserName == "demo-qd1-admin" && v.EnterpriseId == database.Qd1);
        var period = views[0].After!.RootElement;
        (period.GetProperty("From").GetDateTimeOffset(), period.GetProperty("To").GetDateTimeOffset(), period.GetProperty("Points").GetInt32())
            .ShouldBe((now.AddHours(-1), now.AddMinutes(1), 3));
    }

    [Fact]
    public async Task The_replay_reads_only_the_periods_partitions_through_their_key()
    {
        var (_, tag) = await HolderOfAsync("DEMO-QD1-T005");
        var now = database.Clock.GetUtcNow();
        await database.StoreFixesAsync((6, 40, 40, now.AddMinutes(-5)));
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");

        // The query as EF sends it, with its parameters, explained on the same connection.
        await using var explain = GetTrack.Handler.Points(db, [tag], now.AddHours(-2), now).CreateDbCommand();
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        var plan = new StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        var text = plan.ToString();
        text.ShouldContain("Index Scan using d20261102_pkey on d20261102", Case.Sensitive, text);
        System.Text.RegularExpressions.Regex.Count(text, @" on d\d{8}\b").ShouldBe(1, "06:00–08:00 Beijing of 2 November lie in that day's partition alone: " + text);
    }

    [Fact]
    public async Task A_period_that_is_reversed_longer_than_a_day_or_without_a_person_is_refused()
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var (person, tag) = await HolderOfAsync("DEMO-QD1-T005");
        var now = database.Clock.GetUtcNow();

        (await Should.ThrowAsync<ValidationException>(() => ReplayAsync(admin, new GetTrack.Query(person, null, now, now.AddHours(-1)))))
            .Errors.Single().PropertyName.ShouldBe("To");
        await Should.ThrowAsync<ValidationException>(() => ReplayAsync(admin, new GetTrack.Query(person, null, now.AddDays(-1).AddSeconds(-1), now)));
        await Should.ThrowAsync<ValidationException>(() => ReplayAsync(admin, new GetTrack.Query(null, null, now.AddHours(-1), now)));
        await Should.ThrowAsync<ValidationException>(() => ReplayAsync(admin, new GetTrack.Query(person, tag, now.AddHours(-1), now)));
    }

    [Theory]
    [InlineData("qingdao", Roles.CityReviewer, false)]
    [InlineData("demo-qd1-inspector", Roles.Inspector, false)]
    [InlineData("demo-qd2-admin", Roles.EnterpriseAdmin, true)]
    public async Task Regulators_are_refused_and_another_enterprise_finds_nobody(string userName, string role, bool notFound)
    {
        var (person, _) = await HolderOfAsync("DEMO-QD1-T005");
        var actor = await InspectionSite.ActorAsync(database, userName, role);
        var now = database.Clock.GetUtcNow();

        var refusal = await Should.ThrowAsync<Exception>(() => ReplayAsync(actor, new GetTrack.Query(person, null, now.AddHours(-1), now)));

        refusal.ShouldBeOfType(notFound ? typeof(NotFoundException) : typeof(ForbiddenException));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PositionsViewed && a.UserName == userName)).ShouldBeFalse();
    }

    private Task<GetTrack.Track> ReplayAsync(Actor actor, GetTrack.Query query) =>
        InspectionSite.AsAsync<GetTrack.Handler, GetTrack.Track>(database, actor, h => h.HandleAsync(actor, query, default));

    private async Task<(Guid Person, Guid Tag)> HolderOfAsync(string serial)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var tag = await db.Set<PositioningTag>().Where(t => t.Serial == serial).Select(t => t.Id).SingleAsync();
        var person = await db.Set<TagBinding>().Where(b => b.TagId == tag && b.ReturnedAt == null).Select(b => b.PersonId).SingleAsync();
        return (person, tag);
    }
}
