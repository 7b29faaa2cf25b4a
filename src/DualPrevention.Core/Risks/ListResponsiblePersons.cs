using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks;

/// <summary>The accounts of the caller's enterprise, to pick a major hazard source's 包保 persons from.</summary>
public static class ListResponsiblePersons
{
    public sealed record Person(Guid Id, string DisplayName, string UserName);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <summary>Empty for callers outside an enterprise: accounts carry no row-level security, so the scope's enterprise is the boundary.</summary>
        public async Task<IReadOnlyList<Person>> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Scope.EnterpriseId is not { } enterpriseId)
            {
                return [];
            }

            return await db.Users.AsNoTracking()
                .Where(u => u.EnterpriseId == enterpriseId)
                .OrderBy(u => u.DisplayName)
                .Select(u => new Person(u.Id, u.DisplayName, u.UserName!))
                .ToListAsync(cancellationToken);
        }
    }
}
