using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 定位数据接入状态 (ADR 0039): what ingest did with the fixes of the last days, per Beijing day and reason
/// (<see cref="FixCount"/>; docs/positioning-ingest.md#what-is-rejected), and, for the enterprise's administrator and
/// safety officers, when each tag was last heard from, the silent ones first. A regulator sees the counts of its
/// region's enterprises only, never tags or positions (docs/domain/positioning.md#45-retention-and-privacy); other
/// enterprise roles are refused, as for the registry.
/// </summary>
public static class GetIngestStatus
{
    public const int MaxDays = 90;

    public const int MaxSilentMinutes = 7 * 24 * 60;

    /// <param name="Days">How many Beijing days back from today, 1 to <see cref="MaxDays"/>.</param>
    /// <param name="SilentMinutes">A tag last heard from longer ago than this is silent, 1 to <see cref="MaxSilentMinutes"/>.</param>
    public sealed record Query(int Days = 7, int SilentMinutes = 30, int Page = 1, int PageSize = 20);

    /// <summary>One enterprise's fixes received on one Beijing day: accepted, and refused by reason.</summary>
    public sealed record DayRow(
        Guid EnterpriseId,
        string EnterpriseName,
        DateOnly Day,
        long Accepted,
        long Malformed,
        long UnknownTag,
        long OtherEnterprise,
        long TooFarInFuture,
        long TooFarInPast,
        long OutOfRange,
        DateTimeOffset LastReceivedAt)
    {
        public long Refused => Malformed + UnknownTag + OtherEnterprise + TooFarInFuture + TooFarInPast + OutOfRange;
    }

    /// <summary>A tag and when its last accepted fix was taken and received (null: never); no position.</summary>
    public sealed record TagRow(Guid TagId, string Serial, TagKind Kind, DateTimeOffset? LastFixAt, DateTimeOffset? LastReceivedAt, bool Silent);

    /// <param name="Tags">Null for a regulator, who sees counts only.</param>
    /// <param name="SilentTags">How many of the enterprise's tags were heard from once and not for <see cref="Query.SilentMinutes"/>.</param>
    public sealed record Result(IReadOnlyList<DayRow> Days, Paged<TagRow>? Tags, int SilentTags);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">An enterprise role other than the administrator and safety officers, or a query out of range.</exception>
        public async Task<Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var showsTags = PositioningPermissions.CanEdit(actor);
            if (!showsTags && actor.Scope.Kind is not (TenantScopeKind.Region or TenantScopeKind.System))
            {
                throw new ForbiddenException(CoreText.Get("Positioning.Ingest.NotAllowed"));
            }

            if (query.Days is < 1 or > MaxDays || query.SilentMinutes is < 1 or > MaxSilentMinutes)
            {
                throw new DomainRuleException(CoreText.Get("Positioning.Ingest.QueryOutOfRange", MaxDays, MaxSilentMinutes));
            }

            var now = clock.GetUtcNow();
            var since = BusinessTime.LocalDate(now).AddDays(1 - query.Days);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var days = await db.Set<FixCount>().AsNoTracking()
                .Where(c => c.Day >= since)
                .Join(db.Enterprises, c => c.EnterpriseId, e => e.Id, (c, e) => new { Count = c, e.Name })
                .OrderByDescending(r => r.Count.Day).ThenBy(r => r.Name).ThenBy(r => r.Count.EnterpriseId)
                .Take(MaxDays * 200)
                .Select(r => new DayRow(
                    r.Count.EnterpriseId, r.Name, r.Count.Day, r.Count.Accepted, r.Count.Malformed, r.Count.UnknownTag, r.Count.OtherEnterprise,
                    r.Count.TooFarInFuture, r.Count.TooFarInPast, r.Count.OutOfRange, r.Count.LastReceivedAt))
                .ToListAsync(cancellationToken);
            if (!showsTags)
            {
                return new Result(days, null, 0);
            }

            var enterpriseId = actor.Scope.EnterpriseId!.Value;
            var silentBefore = now.AddMinutes(-query.SilentMinutes);
            var tags = from tag in db.Set<PositioningTag>().AsNoTracking().Where(t => t.EnterpriseId == enterpriseId)
                       join position in db.Set<TagPosition>().AsNoTracking() on tag.Id equals position.TagId into heard
                       from position in heard.DefaultIfEmpty()
                       select new
                       {
                           tag.Id,
                           tag.Serial,
                           tag.Kind,
                           LastFixAt = (DateTimeOffset?)position!.FixedAt,
                           LastReceivedAt = (DateTimeOffset?)position.ReceivedAt,
                       };
            var total = await tags.CountAsync(cancellationToken);
            var silent = await tags.CountAsync(t => t.LastReceivedAt < silentBefore, cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            // Silent first, the longest silent on top; then those never heard from; then the rest by serial.
            var items = await tags
                .OrderBy(t => t.LastReceivedAt < silentBefore ? 0 : t.LastReceivedAt == null ? 1 : 2)
                .ThenBy(t => t.LastReceivedAt)
                .ThenBy(t => t.Serial)
                .Skip((page - 1) * size).Take(size)
                .ToListAsync(cancellationToken);
            return new Result(
                days,
                new Paged<TagRow>([.. items.Select(t => new TagRow(t.Id, t.Serial, t.Kind, t.LastFixAt, t.LastReceivedAt, t.LastReceivedAt < silentBefore))], total, page, size),
                silent);
        }
    }
}
