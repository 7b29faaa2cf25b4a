using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The in-app notifications of hidden-danger workflow steps (a new report to confirm, made rectifier, a rectification to accept, acceptance
/// refused, an extension decided, a major one posted). They are added to the step's own context, so they commit with
/// the step or not at all, and a retried step is refused before it writes any: one <see cref="Notification"/> per
/// recipient, never the actor, and one <see cref="NotificationDelivery"/> per configured outbound channel, as the
/// escalation ladder writes them; and one post per enterprise group robot that takes the kind (<see cref="GroupRobotPosts"/>). <see cref="Signal"/> pushes the recipients' unread badges once saved.
/// </summary>
public sealed class HiddenDangerNotifications(IEnumerable<INotificationChannel> channels, NotificationHub hub)
{
    private readonly string[] _channels = [.. channels.Select(c => c.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>The enterprise's administrators and safety officers: who accept rectifications and answer for a posting.</summary>
    internal static Task<List<Guid>> ManagersAsync(DualPreventionDbContext db, Guid enterpriseId, CancellationToken cancellationToken) =>
        (from user in db.Users
         where user.EnterpriseId == enterpriseId
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == Roles.EnterpriseAdmin || role.Name == Roles.SafetyOfficer
         select user.Id)
        .Distinct()
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Adds, unsaved, "a new hidden danger to confirm" for the enterprise's confirmers (its administrators and safety
    /// officers) but the actor: every report that reaches pending confirmation, from a draft, a staff member or a bureau.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> AddReportedAsync(DualPreventionDbContext db, Actor actor, HiddenDanger hiddenDanger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var confirmers = await ManagersAsync(db, hiddenDanger.EnterpriseId, cancellationToken);
        return await AddAsync(
            db, actor, hiddenDanger, enterprise => new HiddenDangerReportedNotice(enterprise, hiddenDanger.Level, hiddenDanger.Name, hiddenDanger.ReportedByName, hiddenDanger.Number), confirmers.Cast<Guid?>(), now, cancellationToken);
    }

    /// <summary>
    /// Adds, unsaved, the notice <paramref name="compose"/> makes (given the enterprise's name) for each of
    /// <paramref name="recipients"/> but <paramref name="actor"/>, linked to the hidden danger. Returns whom to signal.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> AddAsync<TNotice>(
        DualPreventionDbContext db, Actor actor, HiddenDanger hiddenDanger, Func<string, TNotice> compose, IEnumerable<Guid?> recipients,
        DateTimeOffset now, CancellationToken cancellationToken)
        where TNotice : INotice
    {
        var enterprise = await db.Enterprises.Where(e => e.Id == hiddenDanger.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var notice = compose(enterprise);
        var link = $"hidden-dangers/{hiddenDanger.Id}";
        await GroupRobotPosts.AddAsync(
            db, hiddenDanger.EnterpriseId, hiddenDanger.RegionCode, $"{TNotice.Key}:{hiddenDanger.Id}:{now.UtcTicks}", notice, link, now, cancellationToken);
        var to = recipients.OfType<Guid>().Where(id => id != actor.Scope.UserId).Distinct().ToList();
        foreach (var recipient in to)
        {
            var notification = Notification.Create(hiddenDanger.EnterpriseId, hiddenDanger.RegionCode, recipient, notice, link, now);
            db.Notifications.Add(notification);
            db.NotificationDeliveries.AddRange(_channels.Select(channel => NotificationDelivery.Queue(notification, channel, now)));
        }

        return to;
    }

    /// <summary>Tells the open app bars of <paramref name="recipients"/> that their inbox changed; call after the save.</summary>
    public void Signal(IReadOnlyList<Guid> recipients)
    {
        foreach (var recipient in recipients)
        {
            hub.Signal(recipient);
        }
    }
}
