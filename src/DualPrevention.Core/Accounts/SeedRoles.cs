using DualPrevention.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>Ensures every role of <see cref="Roles.All"/> exists; reference data, run after migrations.</summary>
public static class SeedRoles
{
    public static async Task RunAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Where(r => !existing.Contains(r)))
        {
            db.Roles.Add(new IdentityRole<Guid>
            {
                Id = Guid.CreateVersion7(),
                Name = role,
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
