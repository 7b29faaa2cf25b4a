using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>The caller's own group robots, by name, with how their posts fare (never the webhook URL or secret).</summary>
public static class ListGroupRobots
{
    /// <param name="WebhookHint">The URL's last four characters.</param>
    /// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
    /// <param name="Retrying">Posts that failed and wait for their next try.</param>
    /// <param name="RetryAttempts">The attempts already made by the post retried next.</param>
    /// <param name="NextRetryAt">UTC of the next try, if any post is waiting.</param>
    /// <param name="GivenUp">Posts given up after their last attempt.</param>
    public sealed record Row(
        Guid Id, string Name, GroupRobotKind Kind, string WebhookHint, string? SecretHint, IReadOnlyList<string> TemplateKeys, string Language, bool IsEnabled,
        int ConsecutiveFailures, string? LastError, DateTimeOffset? LastAttemptAt, int Retrying, int? RetryAttempts, DateTimeOffset? NextRetryAt, int GivenUp);

    /// <summary>The robots and the notice kinds this caller may choose from.</summary>
    public sealed record Result(IReadOnlyList<Row> Robots, IReadOnlyList<string> AvailableTemplateKeys);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task<Result> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var deliveries = db.Set<GroupRobotDelivery>();
            var rows = await GroupRobotOwner.Owned(db, actor)
                .OrderBy(r => r.Name)
                .Select(r => new Row(
                    r.Id, r.Name, r.Kind, r.WebhookHint, r.SecretHint, r.TemplateKeys, r.Language, r.IsEnabled, r.ConsecutiveFailures, r.LastError, r.LastAttemptAt,
                    deliveries.Count(d => d.RobotId == r.Id && d.Status == DeliveryStatus.Pending && d.Attempts > 0),
                    deliveries.Where(d => d.RobotId == r.Id && d.Status == DeliveryStatus.Pending && d.Attempts > 0).OrderBy(d => d.NextAttemptAt).Select(d => (int?)d.Attempts).FirstOrDefault(),
                    deliveries.Where(d => d.RobotId == r.Id && d.Status == DeliveryStatus.Pending && d.Attempts > 0).Min(d => d.NextAttemptAt),
                    deliveries.Count(d => d.RobotId == r.Id && d.Status == DeliveryStatus.Failed)))
                .ToListAsync(cancellationToken);
            return new Result(rows, GroupRobotEvents.For(actor.Scope.EnterpriseId is not null));
        }
    }
}
