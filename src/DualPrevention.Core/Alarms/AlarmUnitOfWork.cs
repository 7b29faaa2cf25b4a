using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>What every step on one alarm does: load it within the scope, name the actor, save with the event row.</summary>
internal static class AlarmUnitOfWork
{
    /// <exception cref="NotFoundException">No such alarm in the scope (another enterprise's answers the same).</exception>
    public static async Task<Alarm> LoadAsync(DualPreventionDbContext db, Guid alarmId, CancellationToken cancellationToken) =>
        await db.Set<Alarm>().SingleOrDefaultAsync(a => a.Id == alarmId, cancellationToken)
        ?? throw new NotFoundException(CoreText.Get("Alarm.NotFound"));

    /// <summary>The acting account as the history names it: its display name, else its user name.</summary>
    public static async Task<AlarmActor> ActorAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var userId = actor.Scope.UserId;
        var account = userId is null
            ? null
            : await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken);
        return new AlarmActor(userId, account is null ? "" : string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? "" : account.DisplayName);
    }

    /// <exception cref="DomainRuleException">Someone changed the alarm since it was loaded; nothing was saved.</exception>
    public static async Task SaveAsync(DualPreventionDbContext db, AlarmEvent step, CancellationToken cancellationToken)
    {
        db.Add(step);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new DomainRuleException(CoreText.Get("Alarm.Concurrency"), ex);
        }
    }
}
