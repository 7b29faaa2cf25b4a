using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>Who works on permits: the enterprise's own accounts (administrator, safety officers, inspectors); regulators read.</summary>
public static class PermitPermissions
{
    public static bool CanAct(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null }
        && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer) || actor.Is(Roles.Inspector));

    /// <exception cref="DomainRuleException">The actor may only read.</exception>
    internal static void EnsureCanAct(Actor actor)
    {
        if (!CanAct(actor))
        {
            throw new ForbiddenException(CoreText.Get("Permit.ActNotAllowed"));
        }
    }
}

/// <summary>What every step on one permit does: load it whole within the scope, name the actor and the people, save with the event row.</summary>
internal static class PermitUnitOfWork
{
    /// <exception cref="NotFoundException">No such permit in the scope (another enterprise's answers the same).</exception>
    public static async Task<WorkPermit> LoadAsync(DualPreventionDbContext db, Guid permitId, CancellationToken cancellationToken) =>
        await db.Set<WorkPermit>()
            .Include(p => p.People).Include(p => p.Measures).Include(p => p.Approvals).Include(p => p.GasTests)
            .Include(p => p.Interruptions).Include(p => p.Briefings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == permitId, cancellationToken)
        ?? throw new NotFoundException(CoreText.Get("Permit.NotFound"));

    /// <summary>The acting account as the timeline names it: its display name, else its user name.</summary>
    public static async Task<PermitActor> ActorAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var userId = actor.Scope.UserId;
        var account = userId is null
            ? null
            : await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken);
        return new PermitActor(userId, account is null ? actor.Scope.UserName ?? "" : string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? "" : account.DisplayName);
    }

    /// <summary>The permit's people with the certificates it cites, from Positioning's registry.</summary>
    public static async Task<IReadOnlyList<NamedPerson>> NamedPeopleAsync(DualPreventionDbContext db, WorkPermit permit, CancellationToken cancellationToken)
    {
        var ids = permit.People.Select(p => p.PersonId).Distinct().ToList();
        var persons = await db.Set<Person>().Include(p => p.Certificates).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return [.. permit.People.Select(p =>
        {
            var person = persons.Single(x => x.Id == p.PersonId);
            var certificate = person.Certificates.SingleOrDefault(c => c.Id == p.CertificateId);
            return new NamedPerson(p.PersonId, person.Name, p.Role, certificate?.Number, certificate?.ExpiresOn, certificate?.Name);
        })];
    }

    /// <summary>The name of a person of the enterprise's registry.</summary>
    /// <exception cref="DomainRuleException">No such person in the scope.</exception>
    public static async Task<string> PersonNameAsync(DualPreventionDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainRuleException(CoreText.Get("Permit.PersonNotInRegistry"));

    /// <summary>Loads, acts, saves: the common shape of a step on a permit.</summary>
    public static async Task<WorkPermit> RunAsync(
        IDbContextFactory<DualPreventionDbContext> dbFactory, Actor actor, Guid permitId,
        Func<DualPreventionDbContext, WorkPermit, PermitActor, Task<WorkPermitEvent>> act, CancellationToken cancellationToken)
    {
        PermitPermissions.EnsureCanAct(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var permit = await LoadAsync(db, permitId, cancellationToken);
        var by = await ActorAsync(db, actor, cancellationToken);
        var step = await act(db, permit, by);
        await SaveAsync(db, step, cancellationToken);
        return permit;
    }

    /// <exception cref="DomainRuleException">Someone changed the permit since it was loaded; nothing was saved.</exception>
    public static async Task SaveAsync(DualPreventionDbContext db, WorkPermitEvent step, CancellationToken cancellationToken)
    {
        db.Add(step);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConflictException(CoreText.Get("Permit.Concurrency"), ex);
        }
    }
}
