using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>Reads the enterprise's signing mapping (<see cref="PermitSigner"/>) for one permit.</summary>
internal static class PermitSigners
{
    /// <summary>What <paramref name="userId"/> holds on <paramref name="permit"/>.</summary>
    public static async Task<SignerAuthority> AuthorityAsync(DualPreventionDbContext db, WorkPermit permit, Guid? userId, CancellationToken cancellationToken)
    {
        var functions = await db.Set<PermitSigner>().AsNoTracking()
            .Where(s => userId != null && s.UserId == userId && s.PersonId == null).Select(s => s.Function).ToListAsync(cancellationToken);
        var (leaderUserId, leaderName) = await WorkLeaderAsync(db, permit, cancellationToken);
        return new SignerAuthority(functions.ToHashSet(), leaderUserId, leaderName);
    }

    /// <summary>The accounts that may sign the permit's next step now (the rules of <see cref="PermitSigningAuthority"/>), by name.</summary>
    public static async Task<IReadOnlyList<(Guid UserId, string Name)>> NextAsync(DualPreventionDbContext db, WorkPermit permit, CancellationToken cancellationToken)
    {
        if (permit.Status != WorkPermitStatus.InApproval || permit.NextApprovalStep is not { } step)
        {
            return [];
        }

        var (leaderUserId, leaderName) = await WorkLeaderAsync(db, permit, cancellationToken);
        var rows = await db.Set<PermitSigner>().AsNoTracking().Where(s => s.PersonId == null).Select(s => new { s.UserId, s.Function }).ToListAsync(cancellationToken);
        var candidates = PermitSigningAuthority.IsWorkLeaderStep(step.Role)
            ? leaderUserId is { } leader ? new List<Guid> { leader } : new List<Guid>()
            : rows.Where(r => r.Function == step.Role).Select(r => r.UserId).Distinct().ToList();
        var steps = permit.Approvals.ToList();
        var allowed = candidates.Where(id =>
            PermitSigningAuthority.Refusals(steps, step, id, new SignerAuthority(rows.Where(r => r.UserId == id).Select(r => r.Function).ToHashSet(), leaderUserId, leaderName)).Count == 0).ToList();
        var names = await db.Users.AsNoTracking().Where(u => allowed.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName == "" ? u.UserName! : u.DisplayName }).ToListAsync(cancellationToken);
        return [.. names.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => (n.Id, n.Name))];
    }

    private static async Task<(Guid? UserId, string Name)> WorkLeaderAsync(DualPreventionDbContext db, WorkPermit permit, CancellationToken cancellationToken)
    {
        var leader = permit.People.FirstOrDefault(p => p.Role == PermitRole.WorkLeader)?.PersonId;
        if (leader is null)
        {
            return (null, "");
        }

        var name = await db.Set<Person>().Where(p => p.Id == leader).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var userId = await db.Set<PermitSigner>().Where(s => s.PersonId == leader).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync(cancellationToken);
        return (userId, name);
    }
}
