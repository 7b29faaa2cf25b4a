using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Auditing;

/// <summary>The audit trail inside the caller's scope, newest first, paged, filterable.</summary>
public static class ListAuditEntries
{
    /// <param name="EntityType">e.g. "Enterprise".</param>
    /// <param name="UserName">Exact user name.</param>
    /// <param name="From">UTC, inclusive.</param>
    /// <param name="To">UTC, exclusive.</param>
    public sealed record Query(string? EntityType = null, string? EntityId = null, string? UserName = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

    /// <param name="Before">JSON object of the changed columns before, or null for an insert.</param>
    /// <param name="After">JSON object after, or null for a delete.</param>
    public sealed record Row(Guid Id, DateTimeOffset OccurredAt, string UserName, string EntityType, string EntityId, AuditAction Action, string? Before, string? After, string? CorrelationId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(a => a.EntityType == query.EntityType);
            }

            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                entries = entries.Where(a => a.EntityId == query.EntityId);
            }

            if (!string.IsNullOrWhiteSpace(query.UserName))
            {
                entries = entries.Where(a => a.UserName == query.UserName);
            }

            if (query.From is { } from)
            {
                entries = entries.Where(a => a.OccurredAt >= from);
            }

            if (query.To is { } to)
            {
                entries = entries.Where(a => a.OccurredAt < to);
            }

            var total = await entries.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await entries
                .OrderByDescending(a => a.OccurredAt)
                .ThenByDescending(a => a.Id)
                .Skip((page - 1) * size)
                .Take(size)
                .Select(a => new { a.Id, a.OccurredAt, a.UserName, a.EntityType, a.EntityId, a.Action, a.Before, a.After, a.CorrelationId })
                .ToListAsync(cancellationToken);
            return new Paged<Row>(
                rows.Select(a => new Row(a.Id, a.OccurredAt, a.UserName, a.EntityType, a.EntityId, a.Action, a.Before?.RootElement.GetRawText(), a.After?.RootElement.GetRawText(), a.CorrelationId)).ToList(),
                total, page, size);
        }
    }
}
