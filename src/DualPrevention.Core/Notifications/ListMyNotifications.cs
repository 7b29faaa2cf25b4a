using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications;

/// <summary>The signed-in person's inbox, newest first, one page at a time.</summary>
public static class ListMyNotifications
{
    public sealed record Query(bool UnreadOnly = false, int Page = 1, int PageSize = 20);

    /// <summary>One inbox entry in the reader's language (the current UI culture); times UTC, <see cref="Link"/> relative to the site.</summary>
    public sealed record Item(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Item>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var mine = MyNotifications.Of(db, actor).Where(n => !query.UnreadOnly || n.ReadAt == null);
            var total = await mine.CountAsync(cancellationToken);
            var stored = await mine.AsNoTracking()
                .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken);
            var items = stored.Select(n => InReadersLanguage(n, CultureInfo.CurrentUICulture)).ToList();
            return new Paged<Item>(items, total, page, pageSize);
        }

        private static Item InReadersLanguage(Notification notification, CultureInfo culture)
        {
            var text = notification.Render(culture);
            return new Item(notification.Id, text.Title, text.Body, notification.Link, notification.CreatedAt, notification.ReadAt);
        }
    }
}
