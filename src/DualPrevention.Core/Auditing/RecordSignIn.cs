using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Auditing;

/// <summary>Writes sign-ins, failed sign-ins and sign-outs to the audit trail (GB/T 22239-2019 level 3, security audit).</summary>
public static class RecordSignIn
{
    /// <param name="UserName">The name typed, even when no such user exists.</param>
    /// <param name="UserId">The account, when the name was found.</param>
    /// <param name="Channel">"web" or "token".</param>
    public sealed record Command(string UserName, Guid? UserId, AuditAction Action, string Channel, string? RemoteAddress);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        public async Task HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var owner = command.UserId is { } id
                ? await db.Users.Where(u => u.Id == id).Select(u => new { u.EnterpriseId, RegionCode = u.ScopeRegionCode }).FirstOrDefaultAsync(cancellationToken)
                : null;
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = clock.GetUtcNow(),
                UserId = command.UserId,
                UserName = command.UserName.Length > 256 ? command.UserName[..256] : command.UserName,
                EnterpriseId = owner?.EnterpriseId,
                RegionCode = owner?.RegionCode,
                EntityType = nameof(Accounts.ApplicationUser),
                EntityId = command.UserId?.ToString() ?? "",
                Action = command.Action,
                After = System.Text.Json.JsonSerializer.SerializeToDocument(new { command.Channel, command.RemoteAddress }),
                CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
