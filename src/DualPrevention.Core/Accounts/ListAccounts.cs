using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// The accounts an account manager manages: the province sees regulator accounts, a city reviewer the accounts
/// of its city's enterprises, an EnterpriseAdmin its own staff. Identity tables carry no row-level security
/// (sign-in must find a user before any scope exists), so this query is the account boundary and is tested as such.
/// </summary>
public static class ListAccounts
{
    /// <param name="Search">Substring of user name or display name.</param>
    /// <param name="EnterpriseId">Optional: one enterprise's staff.</param>
    public sealed record Query(string? Search = null, Guid? EnterpriseId = null, int Page = 1, int PageSize = 20);

    /// <param name="ScopeName">Enterprise name or region name.</param>
    /// <param name="LockedUntil">UTC; null or past when not locked.</param>
    public sealed record Row(
        Guid Id, string UserName, string DisplayName, string? PhoneNumber, string Role, Guid? EnterpriseId, string? ScopeRegionCode,
        string ScopeName, bool MustChangePassword, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, string? Department = null, string? Post = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var users = Visible(db, actor);
            if (query.EnterpriseId is { } enterpriseId)
            {
                users = users.Where(u => u.EnterpriseId == enterpriseId);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
                users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
            }

            var total = await users.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await users
                .OrderBy(u => u.UserName)
                .Skip((page - 1) * size)
                .Take(size)
                .Select(u => new Row(
                    u.Id, u.UserName!, u.DisplayName, u.PhoneNumber,
                    db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefault() ?? "",
                    u.EnterpriseId, u.ScopeRegionCode,
                    u.EnterpriseId != null
                        ? db.Enterprises.Where(e => e.Id == u.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? ""
                        : db.Regions.Where(r => r.Code == u.ScopeRegionCode).Select(r => r.Name).FirstOrDefault() ?? "",
                    u.MustChangePassword, u.LockoutEnd, u.CreatedAt, u.Department, u.Post))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(rows, total, page, size);
        }

        /// <summary>The accounts inside the actor's management boundary.</summary>
        internal static IQueryable<ApplicationUser> Visible(DualPreventionDbContext db, Actor actor)
        {
            var scope = actor.Scope;
            if (actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff))
            {
                var prefix = scope.RegionPrefix ?? "\u0000";
                return db.Users.Where(u => u.ScopeRegionCode != null && u.ScopeRegionCode.StartsWith(prefix));
            }

            if (actor.Is(Roles.CityReviewer) && scope.Kind == TenantScopeKind.Region)
            {
                // Enterprises are tenant-filtered (and RLS-protected), so the join keeps the reviewer's city only.
                return db.Users.Where(u => u.EnterpriseId != null && db.Enterprises.Any(e => e.Id == u.EnterpriseId));
            }

            if (actor.Is(Roles.EnterpriseAdmin) && scope.Kind == TenantScopeKind.Enterprise)
            {
                return db.Users.Where(u => u.EnterpriseId == scope.EnterpriseId);
            }

            return db.Users.Where(_ => false);
        }
    }
}
