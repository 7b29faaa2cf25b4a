using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Stores what devices delivered (docs/positioning-ingest.md): each fix whose tag is registered to the enterprise
/// that the topic or the credential names becomes the tag's latest position; every other fix is counted with its
/// reason for that enterprise, so nothing is dropped silently. A tag of another enterprise is refused however the
/// message got here (ADR 0036: the broker's ACL and this check). Accepted fixes are thinned into the track
/// (<see cref="TrackThinning"/>), written with binary COPY. Runs in the system scope, set-based: one read of the tags,
/// one COPY of the track, one upsert of positions and one upsert of counts per batch of messages, in one transaction
/// (ADR 0038); a consumer may store several batches at once, thinned in the order it took them (<see cref="ThinningTurn"/>).
/// </summary>
public static class AcceptFixes
{
    /// <summary>One message's or request's fixes and the enterprise its topic or credential belongs to.</summary>
    public sealed record Delivery(Guid EnterpriseId, FixBatch Batch);

    /// <summary>What became of one delivery: how many fixes were stored and each refusal (the parser's and the tag check's).</summary>
    public sealed record Outcome(int Accepted, IReadOnlyList<FixRefusal> Refusals);

    /// <summary>A committed batch: each delivery's outcome and the fixes accepted, still to be announced.</summary>
    public sealed record Stored(IReadOnlyList<Outcome> Outcomes, IReadOnlyList<AcceptedFix> Accepted);

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        ITenantScopeAccessor scope,
        IAcceptedFixes acceptedFixes,
        LatestPositions latest,
        TrackReferences references,
        IOptions<TrackOptions> trackOptions,
        TimeProvider clock)
    {
        /// <summary>Stores <paramref name="deliveries"/> and announces what was accepted; the outcomes are in the same order.</summary>
        /// <exception cref="InvalidOperationException">Not in the system scope.</exception>
        public async Task<IReadOnlyList<Outcome>> HandleAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
        {
            var stored = await StoreAsync(deliveries, cancellationToken);
            await AnnounceAsync(stored, cancellationToken);
            return stored.Outcomes;
        }

        /// <summary>
        /// Announces a stored batch: remembers the latest positions and runs the fence rules. A consumer may announce
        /// one batch while it stores the next, as long as it announces them in the order they were stored.
        /// </summary>
        public async Task AnnounceAsync(Stored stored, CancellationToken cancellationToken)
        {
            foreach (var fix in stored.Accepted)
            {
                latest.Remember(fix);
            }

            if (stored.Accepted.Count > 0)
            {
                await acceptedFixes.OnAcceptedAsync(stored.Accepted, cancellationToken);
            }
        }

        /// <summary>Stores <paramref name="deliveries"/> in one transaction without announcing them (<see cref="AnnounceAsync"/>).</summary>
        /// <exception cref="InvalidOperationException">Not in the system scope.</exception>
        public Task<Stored> StoreAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
            StoreAsync(deliveries, null, cancellationToken);

        /// <summary>
        /// Stores <paramref name="deliveries"/> as <see cref="StoreAsync(IReadOnlyList{Delivery}, CancellationToken)"/>,
        /// thinning them in their <paramref name="turn"/> when a consumer stores several batches at once.
        /// </summary>
        /// <exception cref="InvalidOperationException">Not in the system scope.</exception>
        public async Task<Stored> StoreAsync(IReadOnlyList<Delivery> deliveries, ThinningTurn? turn, CancellationToken cancellationToken)
        {
            try
            {
                return await StoreInTurnAsync(deliveries, turn, cancellationToken);
            }
            finally
            {
                turn?.Done.TrySetResult();
            }
        }

        private async Task<Stored> StoreInTurnAsync(IReadOnlyList<Delivery> deliveries, ThinningTurn? turn, CancellationToken cancellationToken)
        {
            if (scope.Current.Kind != TenantScopeKind.System)
            {
                throw new InvalidOperationException("Fixes are accepted in the system scope: a batch spans enterprises.");
            }

            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var serials = deliveries.SelectMany(d => d.Batch.Fixes).Select(f => f.Tag).Distinct().ToList();
            var tags = await db.Set<PositioningTag>()
                .Where(t => serials.Contains(t.Serial))
                .Select(t => new { t.Id, t.Serial, t.EnterpriseId, t.RegionCode })
                .ToListAsync(cancellationToken);
            var tagIds = tags.Select(t => t.Id).ToList();
            var wearers = await db.Set<TagBinding>()
                .Where(b => tagIds.Contains(b.TagId) && b.ReturnedAt == null)
                .ToDictionaryAsync(b => b.TagId, b => b.PersonId, cancellationToken);
            var enterpriseIds = deliveries.Select(d => d.EnterpriseId).Distinct().ToList();
            var regions = await db.Enterprises
                .Where(e => enterpriseIds.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.RegionCode, cancellationToken);
            var byEnterpriseAndSerial = tags.ToDictionary(t => (t.EnterpriseId, t.Serial));
            var knownSerials = tags.Select(t => t.Serial).ToHashSet(StringComparer.Ordinal);

            var outcomes = new List<Outcome>(deliveries.Count);
            var accepted = new List<(AcceptedFix Fix, string RegionCode)>();
            var byTag = new Dictionary<Guid, List<(AcceptedFix Fix, string RegionCode)>>();
            var counts = new Dictionary<Guid, long[]>();
            foreach (var delivery in deliveries)
            {
                var refusals = delivery.Batch.Refusals.ToList();
                var stored = 0;
                foreach (var fix in delivery.Batch.Fixes)
                {
                    if (byEnterpriseAndSerial.TryGetValue((delivery.EnterpriseId, fix.Tag), out var tag))
                    {
                        var row = (new AcceptedFix(tag.EnterpriseId, tag.Id, wearers.TryGetValue(tag.Id, out var wearer) ? wearer : null, fix), tag.RegionCode);
                        accepted.Add(row);
                        (byTag.TryGetValue(tag.Id, out var ofTag) ? ofTag : byTag[tag.Id] = []).Add(row);
                        stored++;
                    }
                    else
                    {
                        refusals.Add(new FixRefusal(fix.Index, "tag", knownSerials.Contains(fix.Tag) ? FixRejection.OtherEnterprise : FixRejection.UnknownTag));
                    }
                }

                outcomes.Add(new Outcome(stored, refusals));
                // An enterprise that does not exist has nobody to show a count to; its deliveries are only answered.
                if (regions.ContainsKey(delivery.EnterpriseId))
                {
                    var count = counts.TryGetValue(delivery.EnterpriseId, out var known) ? known : counts[delivery.EnterpriseId] = new long[7];
                    count[0] += stored;
                    foreach (var refusal in refusals)
                    {
                        count[(int)refusal.Reason]++;
                    }
                }
            }

            var acceptedTags = byTag.Keys.ToList();
            var tracked = await db.Set<TagPosition>()
                .Where(p => acceptedTags.Contains(p.TagId) && p.TrackedAt != null)
                .ToDictionaryAsync(
                    p => p.TagId,
                    p => new TrackThinning.Point(p.TrackedAt!.Value, p.TrackedX, p.TrackedY, p.TrackedLatitude, p.TrackedLongitude),
                    cancellationToken);
            if (turn is not null)
            {
                await turn.Previous.WaitAsync(cancellationToken);
            }

            // Against the newer of the committed reference and this node's, which holds the points of batches taken
            // before this one and not yet committed (ADR 0038).
            var track = new List<(AcceptedFix Fix, string RegionCode)>();
            var lastTracked = new List<(Guid TagId, TrackThinning.Point Point)>();
            foreach (var (tagId, fixes) in byTag)
            {
                var known = references.Newest(tagId, tracked.GetValueOrDefault(tagId));
                var (kept, last) = TrackThinning.Thin(fixes, a => a.Fix.Fix, known, trackOptions.Value);
                track.AddRange(kept);
                if (last is not null && last != known)
                {
                    lastTracked.Add((tagId, last));
                    references.Set(tagId, last);
                }
            }

            turn?.Done.TrySetResult();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The COPY first: it takes no row locks, so batches stored at once overlap there. The tags' rows and
                // the day's counts are locked last and in one order (tag, enterprise), held only until the commit.
                await TrackWriter.WriteAsync(db, track, cancellationToken);
                await UpsertPositionsAsync(db, byTag.Values, now, cancellationToken);
                await TrackWriter.MoveLastKeptAsync(db, lastTracked, cancellationToken);
                await AddCountsAsync(db, counts, regions, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                foreach (var (tagId, point) in lastTracked)
                {
                    references.Forget(tagId, point);
                }

                throw;
            }

            return new Stored(outcomes, [.. accepted.Select(a => a.Fix)]);
        }

        private static async Task UpsertPositionsAsync(
            DualPreventionDbContext db, IEnumerable<List<(AcceptedFix Fix, string RegionCode)>> byTag, DateTimeOffset now, CancellationToken cancellationToken)
        {
            // The newest fix of each tag in the batch; the statement keeps a stored one that is newer still.
            // In tag order, as every batch locks them: two batches stored at once wait for each other, never deadlock.
            var newest = byTag.Select(fixes => fixes.MaxBy(a => a.Fix.Fix.Time)).OrderBy(a => a.Fix.TagId).ToList();
            if (newest.Count == 0)
            {
                return;
            }

            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO tag_position (tag_id, enterprise_id, region_code, person_id, fixed_at, x, y, floor, latitude, longitude, accuracy, battery, sos, fall, received_at)
                SELECT f.tag_id, f.enterprise_id, f.region_code, f.person_id, f.fixed_at, f.x, f.y, f.floor, f.latitude, f.longitude, f.accuracy, f.battery, f.sos, f.fall, @received_at
                  FROM unnest(@tag_id, @enterprise_id, @region_code, @person_id, @fixed_at, @x, @y, @floor, @latitude, @longitude, @accuracy, @battery, @sos, @fall)
                       AS f(tag_id, enterprise_id, region_code, person_id, fixed_at, x, y, floor, latitude, longitude, accuracy, battery, sos, fall)
                ON CONFLICT (tag_id) DO UPDATE SET
                  enterprise_id = excluded.enterprise_id, region_code = excluded.region_code, person_id = excluded.person_id,
                  fixed_at = excluded.fixed_at, x = excluded.x, y = excluded.y, floor = excluded.floor,
                  latitude = excluded.latitude, longitude = excluded.longitude, accuracy = excluded.accuracy,
                  battery = excluded.battery, sos = excluded.sos, fall = excluded.fall, received_at = excluded.received_at
                WHERE tag_position.fixed_at < excluded.fixed_at
                """,
                [
                    SqlArray.Of("tag_id", NpgsqlDbType.Uuid, newest.Select(a => a.Fix.TagId)),
                    SqlArray.Of("enterprise_id", NpgsqlDbType.Uuid, newest.Select(a => a.Fix.EnterpriseId)),
                    SqlArray.Of("region_code", NpgsqlDbType.Text, newest.Select(a => a.RegionCode)),
                    SqlArray.Of("person_id", NpgsqlDbType.Uuid, newest.Select(a => a.Fix.PersonId)),
                    SqlArray.Of("fixed_at", NpgsqlDbType.TimestampTz, newest.Select(a => a.Fix.Fix.Time)),
                    SqlArray.Of("x", NpgsqlDbType.Double, newest.Select(a => a.Fix.Fix.X)),
                    SqlArray.Of("y", NpgsqlDbType.Double, newest.Select(a => a.Fix.Fix.Y)),
                    SqlArray.Of("floor", NpgsqlDbType.Integer, newest.Select(a => a.Fix.Fix.Floor)),
                    SqlArray.Of("latitude", NpgsqlDbType.Double, newest.Select(a => a.Fix.Fix.Latitude)),
                    SqlArray.Of("longitude", NpgsqlDbType.Double, newest.Select(a => a.Fix.Fix.Longitude)),
                    SqlArray.Of("accuracy", NpgsqlDbType.Double, newest.Select(a => a.Fix.Fix.Accuracy)),
                    SqlArray.Of("battery", NpgsqlDbType.Integer, newest.Select(a => a.Fix.Fix.Battery)),
                    SqlArray.Of("sos", NpgsqlDbType.Boolean, newest.Select(a => a.Fix.Fix.Sos)),
                    SqlArray.Of("fall", NpgsqlDbType.Boolean, newest.Select(a => a.Fix.Fix.Fall)),
                    new NpgsqlParameter("received_at", NpgsqlDbType.TimestampTz) { Value = now },
                ],
                cancellationToken);
        }

        private static async Task AddCountsAsync(
            DualPreventionDbContext db, Dictionary<Guid, long[]> counts, Dictionary<Guid, string> regions, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (counts.Count == 0)
            {
                return;
            }

            var rows = counts.OrderBy(c => c.Key).ToList();
            long[] Column(int index) => [.. rows.Select(r => r.Value[index])];
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO fix_count (enterprise_id, region_code, day, accepted, malformed, unknown_tag, other_enterprise, too_far_in_future, too_far_in_past, out_of_range, last_received_at)
                SELECT c.enterprise_id, c.region_code, @day, c.accepted, c.malformed, c.unknown_tag, c.other_enterprise, c.too_far_in_future, c.too_far_in_past, c.out_of_range, @received_at
                  FROM unnest(@enterprise_id, @region_code, @accepted, @malformed, @unknown_tag, @other_enterprise, @too_far_in_future, @too_far_in_past, @out_of_range)
                       AS c(enterprise_id, region_code, accepted, malformed, unknown_tag, other_enterprise, too_far_in_future, too_far_in_past, out_of_range)
                ON CONFLICT (enterprise_id, day) DO UPDATE SET
                  accepted = fix_count.accepted + excluded.accepted,
                  malformed = fix_count.malformed + excluded.malformed,
                  unknown_tag = fix_count.unknown_tag + excluded.unknown_tag,
                  other_enterprise = fix_count.other_enterprise + excluded.other_enterprise,
                  too_far_in_future = fix_count.too_far_in_future + excluded.too_far_in_future,
                  too_far_in_past = fix_count.too_far_in_past + excluded.too_far_in_past,
                  out_of_range = fix_count.out_of_range + excluded.out_of_range,
                  last_received_at = greatest(fix_count.last_received_at, excluded.last_received_at)
                """,
                [
                    SqlArray.Of("enterprise_id", NpgsqlDbType.Uuid, rows.Select(r => r.Key)),
                    SqlArray.Of("region_code", NpgsqlDbType.Text, rows.Select(r => regions[r.Key])),
                    SqlArray.Of("accepted", NpgsqlDbType.Bigint, Column(0)),
                    SqlArray.Of("malformed", NpgsqlDbType.Bigint, Column((int)FixRejection.Malformed)),
                    SqlArray.Of("unknown_tag", NpgsqlDbType.Bigint, Column((int)FixRejection.UnknownTag)),
                    SqlArray.Of("other_enterprise", NpgsqlDbType.Bigint, Column((int)FixRejection.OtherEnterprise)),
                    SqlArray.Of("too_far_in_future", NpgsqlDbType.Bigint, Column((int)FixRejection.TooFarInFuture)),
                    SqlArray.Of("too_far_in_past", NpgsqlDbType.Bigint, Column((int)FixRejection.TooFarInPast)),
                    SqlArray.Of("out_of_range", NpgsqlDbType.Bigint, Column((int)FixRejection.OutOfRange)),
                    new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = BusinessTime.LocalDate(now) },
                    new NpgsqlParameter("received_at", NpgsqlDbType.TimestampTz) { Value = now },
                ],
                cancellationToken);
        }
    }
}
