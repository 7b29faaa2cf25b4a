using System.Globalization;
using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The track is written once, straight into its day's partition (ADR 0038): a point delivered again falls back to the
/// parent and is stored once; the app role may only insert into a partition, and only in the system scope, so the
/// partitions open no way around the parent's row-level security.
/// </summary>
public class TrackPartitionWriteTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_delivery_stored_again_is_written_through_the_parent_and_keeps_each_point_once()
    {
        await using var services = database.CreateServices();
        await MaintainAsync(services);
        var serial = await RegisterTagAsync("PART-01");
        var at = database.Clock.GetUtcNow();
        var payload = Encoding.UTF8.GetBytes($$"""[{"tag":"{{serial}}","time":"{{Iso(at)}}","x":1,"y":0},{"tag":"{{serial}}","time":"{{Iso(at.AddSeconds(40))}}","x":9,"y":0}]""");

        (await DeliverAsync(services, payload, at)).ShouldBe(2);
        (await DeliverAsync(services, payload, at)).ShouldBe(2);
        (await DeliverAsync(services, Encoding.UTF8.GetBytes($$"""{"tag":"{{serial}}","time":"{{Iso(at.AddSeconds(80))}}","x":20,"y":0}"""), at)).ShouldBe(1);

        await using var db = database.OwnerContext(TenantScope.System);
        var points = await db.Set<PositionSample>()
            .Join(db.Set<PositioningTag>(), s => s.TagId, t => t.Id, (s, t) => new { t.Serial, s.X })
            .Where(p => p.Serial == serial)
            .Select(p => p.X)
            .ToListAsync();
        points.Order().ShouldBe([1, 9, 20]);
    }

    [Fact]
    public async Task Every_column_of_a_point_is_stored_as_sent_and_missing_ones_as_null()
    {
        await using var services = database.CreateServices();
        await MaintainAsync(services);
        var serial = await RegisterTagAsync("PART-02");
        var at = database.Clock.GetUtcNow().AddTicks(1_234_567);
        var full = $$"""{"tag":"{{serial}}","time":"{{at:yyyy-MM-ddTHH:mm:ss.fffffffZ}}","x":-12.25,"y":3.5e2,"floor":-2,"lat":36.0671234,"lon":120.3826789,"accuracy":0.4,"battery":7,"sos":true,"fall":true}""";
        var bare = $$"""{"tag":"{{serial}}","time":"{{Iso(at.AddSeconds(60))}}","lat":36.5,"lon":120.5}""";

        (await DeliverAsync(services, Encoding.UTF8.GetBytes($"[{full},{bare}]"), at)).ShouldBe(2);

        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == database.Qd1).Select(e => e.RegionCode).SingleAsync();
        var tagId = await db.Set<PositioningTag>().Where(t => t.Serial == serial).Select(t => t.Id).SingleAsync();
        var points = await db.Set<PositionSample>().Where(p => p.TagId == tagId).OrderBy(p => p.FixedAt)
            .Select(p => new { p.FixedAt, p.EnterpriseId, p.RegionCode, p.PersonId, p.X, p.Y, p.Floor, p.Latitude, p.Longitude, p.Accuracy, p.Battery, p.Sos, p.Fall })
            .ToListAsync();
        points.Count.ShouldBe(2);
        // PostgreSQL keeps microseconds: the seventh fraction digit is cut, as Npgsql cuts it.
        points[0].ShouldBe(new
        {
            FixedAt = at.AddTicks(-(at.UtcTicks % 10)),
            EnterpriseId = database.Qd1,
            RegionCode = region,
            PersonId = (Guid?)null,
            X = (double?)-12.25,
            Y = (double?)350,
            Floor = (int?)-2,
            Latitude = (double?)36.0671234,
            Longitude = (double?)120.3826789,
            Accuracy = (double?)0.4,
            Battery = (int?)7,
            Sos = true,
            Fall = true,
        });
        (points[1].X, points[1].Y, points[1].Floor, points[1].Accuracy, points[1].Battery, points[1].Sos, points[1].Fall, points[1].Latitude)
            .ShouldBe(((double?)null, (double?)null, (int?)null, (double?)null, (int?)null, false, false, (double?)36.5));
    }

    [Fact]
    public async Task The_app_role_may_only_insert_into_a_day_partition_and_only_in_the_system_scope()
    {
        await using var services = database.CreateServices();
        await MaintainAsync(services);
        var partition = "position_sample_days.d" + BusinessTime.LocalDate(database.Clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var insert = $"INSERT INTO {partition} (tag_id, fixed_at, enterprise_id, region_code, sos, fall) VALUES (gen_random_uuid(), @at, @enterprise, '370202', false, false)";

        await using (var enterprise = await database.OpenAppConnectionAsync(TenantScope.ForEnterprise(database.Qd1)))
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(enterprise, insert));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
            refused.MessageText.ShouldContain("system scope");
        }

        await using var system = await database.OpenAppConnectionAsync(TenantScope.System);
        (await ExecuteAsync(system, insert)).ShouldBe(1);
        var read = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(system, $"SELECT count(*) FROM {partition}"));
        read.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var delete = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(system, $"DELETE FROM {partition}"));
        delete.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("at", database.Clock.GetUtcNow());
        command.Parameters.AddWithValue("enterprise", database.Qd1);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task MaintainAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
    }

    private async Task<string> RegisterTagAsync(string serial)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == database.Qd1).Select(e => e.RegionCode).SingleAsync();
        db.Add(PositioningTag.Register(database.Qd1, region, serial, TagKind.Badge, database.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return serial;
    }

    private async Task<int> DeliverAsync(IServiceProvider services, byte[] payload, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var outcome = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
            .HandleAsync([new AcceptFixes.Delivery(database.Qd1, FixPayload.Parse(payload, now))], CancellationToken.None);
        return outcome[0].Accepted;
    }
}
