using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>Who keeps the signing mapping (ADR 0051): the enterprise's administrator and safety officers.</summary>
public static class PermitSignerPermissions
{
    public static bool CanManage(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null } && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    /// <summary>The enterprise whose mapping <paramref name="actor"/> keeps.</summary>
    /// <exception cref="ForbiddenException">The actor may not.</exception>
    internal static Guid EnsureCanManage(Actor actor) =>
        CanManage(actor) ? actor.Scope.EnterpriseId!.Value : throw new ForbiddenException(CoreText.Get("Permit.Signers.NotAllowed"));
}

/// <summary>
/// 签字授权 (ADR 0051): the enterprise's accounts, one page at a time by user name, each with the signing functions it
/// holds and the registry person it is when it signs as a work leader.
/// </summary>
public static class ListPermitSigners
{
    public sealed record Query(int Page, int PageSize);

    public sealed record Row(Guid UserId, string UserName, string DisplayName, IReadOnlyList<PermitOrgRole> Functions, Guid? PersonId, string? PersonName);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor may not keep the mapping.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var enterpriseId = PermitSignerPermissions.EnsureCanManage(actor);
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var accounts = db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId);
            var total = await accounts.CountAsync(cancellationToken);
            var users = await accounts.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip((page - 1) * pageSize).Take(pageSize)
                .Select(u => new { u.Id, UserName = u.UserName!, u.DisplayName }).ToListAsync(cancellationToken);
            var ids = users.Select(u => u.Id).ToList();
            var signers = await db.Set<PermitSigner>().AsNoTracking().Where(s => ids.Contains(s.UserId)).ToListAsync(cancellationToken);
            var personIds = signers.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList();
            var persons = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            return new Paged<Row>(
                [.. users.Select(u =>
                {
                    var person = signers.FirstOrDefault(s => s.UserId == u.Id && s.PersonId != null)?.PersonId;
                    return new Row(
                        u.Id, u.UserName, u.DisplayName,
                        [.. signers.Where(s => s.UserId == u.Id && s.PersonId == null).Select(s => s.Function).Order()],
                        person, person is { } id ? persons.GetValueOrDefault(id) : null);
                })],
                total, page, pageSize);
        }
    }
}
