using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>Whom an inspection task can be assigned to: the enterprise's accounts and the posts (岗位) in use.</summary>
public static class ListInspectionAssignees
{
    public sealed record Person(Guid Id, string DisplayName, string? Department, string? Post);

    /// <param name="Posts">Distinct posts held by accounts or already assigned to definitions, sorted.</param>
    public sealed record Result(IReadOnlyList<Person> Persons, IReadOnlyList<string> Posts);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <summary>Empty for callers outside an enterprise: accounts carry no row-level security, so the scope's enterprise is the boundary.</summary>
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Scope.EnterpriseId is not { } enterpriseId)
            {
                return new Result([], []);
            }

            var persons = await db.Users.AsNoTracking()
                .Where(u => u.EnterpriseId == enterpriseId)
                .OrderBy(u => u.DisplayName)
                .Select(u => new Person(u.Id, u.DisplayName, u.Department, u.Post))
                .ToListAsync(cancellationToken);
            var assigned = await db.InspectionTaskDefinitions
                .Where(d => d.EnterpriseId == enterpriseId && d.AssigneePost != null)
                .Select(d => d.AssigneePost!)
                .Distinct()
                .ToListAsync(cancellationToken);
            var posts = persons.Select(p => p.Post).OfType<string>().Concat(assigned).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new Result(persons, posts);
        }
    }
}
