using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 轨迹回放: a person's or a tag's thinned track over a period of at most one day, in time order, read from the day
/// partitions of <c>position_sample</c> by the key (tag, instant) so that only the period's partitions and their key
/// index are touched (ADR 0038). Tracks are personal data (docs/domain/positioning.md#45-retention-and-privacy): only
/// the enterprise's administrator and safety officers replay them, never a regulator, and every replay is written to
/// the audit trail as <see cref="AuditAction.PositionsViewed"/> naming whose track and which period (ADR 0041).
/// </summary>
public static class GetTrack
{
    /// <summary>The longest period one replay reads.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    /// <summary>Exactly one of <paramref name="PersonId"/> and <paramref name="TagId"/>; the period is [From, To), UTC.</summary>
    public sealed record Query(Guid? PersonId, Guid? TagId, DateTimeOffset From, DateTimeOffset To);

    /// <summary>A kept point: plan metres where the tag reported them, and the tag it came from.</summary>
    public sealed record Point(DateTimeOffset At, Guid TagId, double? X, double? Y, int? Floor, bool Sos, bool Fall);

    /// <param name="Name">The person's name, or the tag's serial when a tag was asked for.</param>
    public sealed record Track(Guid? PersonId, Guid? TagId, string Name, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<Point> Points);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="ValidationException">Neither or both of person and tag, or a period empty, reversed or longer than a day.</exception>
        /// <exception cref="DomainRuleException">The actor may not replay tracks.</exception>
        /// <exception cref="NotFoundException">The person or tag is not the actor's enterprise's.</exception>
        public async Task<Track> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            Validate(query);
            var enterpriseId = PositioningPermissions.EnsureCanReplayTracks(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            string name, regionCode;
            List<Guid> tagIds;
            if (query.PersonId is { } personId)
            {
                var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId && p.EnterpriseId == enterpriseId)
                    .Select(p => new { p.Name, p.RegionCode }).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Positioning.Person.NotFound"));
                (name, regionCode) = (person.Name, person.RegionCode);

                // The tags the person held during the period; the samples name the holder, so a tag's other holders are left out.
                tagIds = await db.Set<TagBinding>().AsNoTracking()
                    .Where(b => b.PersonId == personId && b.ValidFrom < query.To && (b.ReturnedAt == null || b.ReturnedAt > query.From))
                    .Select(b => b.TagId).Distinct().ToListAsync(cancellationToken);
            }
            else
            {
                var tagId = query.TagId!.Value;
                var tag = await db.Set<PositioningTag>().AsNoTracking().Where(t => t.Id == tagId && t.EnterpriseId == enterpriseId)
                    .Select(t => new { t.Serial, t.RegionCode }).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Positioning.Tag.NotFound"));
                (name, regionCode, tagIds) = (tag.Serial, tag.RegionCode, [tagId]);
            }

            var points = await Points(db, tagIds, query.From, query.To)
                .Where(s => query.PersonId == null || s.PersonId == query.PersonId)
                .Select(s => new Point(s.FixedAt, s.TagId, s.X, s.Y, s.Floor, s.Sos, s.Fall))
                .ToListAsync(cancellationToken);
            PositionViews.Audit(
                db, actor, enterpriseId, regionCode, query.PersonId is null ? nameof(PositioningTag) : nameof(Person), (query.PersonId ?? query.TagId)!.Value,
                new { Track = name, query.From, query.To, Points = points.Count }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new Track(query.PersonId, query.TagId, name, query.From, query.To, points);
        }

        /// <summary>
        /// The samples of <paramref name="tagIds"/> in [from, to) in time order: the filter on the partition key prunes the
        /// partitions to the period's days and the key (tag_id, fixed_at) serves both the filter and the order.
        /// </summary>
        internal static IQueryable<PositionSample> Points(DualPreventionDbContext db, IReadOnlyCollection<Guid> tagIds, DateTimeOffset from, DateTimeOffset to) =>
            db.Set<PositionSample>().AsNoTracking()
                .Where(s => tagIds.Contains(s.TagId) && s.FixedAt >= from && s.FixedAt < to)
                .OrderBy(s => s.FixedAt).ThenBy(s => s.TagId);

        private static void Validate(Query query)
        {
            var failures = new List<ValidationFailure>();
            if ((query.PersonId is null) == (query.TagId is null))
            {
                failures.Add(new ValidationFailure(nameof(Query.PersonId), CoreText.Get("Positioning.Track.PersonOrTag")));
            }

            if (query.To <= query.From)
            {
                failures.Add(new ValidationFailure(nameof(Query.To), CoreText.Get("Positioning.Track.PeriodReversed")));
            }
            else if (query.To - query.From > MaxPeriod)
            {
                failures.Add(new ValidationFailure(nameof(Query.To), CoreText.Get("Positioning.Track.PeriodTooLong")));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }
    }
}
