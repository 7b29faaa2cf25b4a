using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>An enterprise administrator or a bureau adds a robot for its group; the audit trail records it (without its URL or secret).</summary>
public static class AddGroupRobot
{
    /// <param name="Webhook">The robot's full webhook URL, key or access token included.</param>
    /// <param name="Secret">DingTalk's <c>SEC…</c> secret when the robot signs (加签); otherwise null.</param>
    /// <param name="TemplateKeys">The notice kinds to post (<see cref="GroupRobotEvents"/>).</param>
    /// <param name="Language">The group's language (<see cref="GroupRobotLanguages"/>); Chinese when none is given.</param>
    public sealed record Command(string Name, GroupRobotKind Kind, string Webhook, string? Secret, IReadOnlyList<string> TemplateKeys, string? Language = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, GroupRobotSecrets secrets, IOptions<GroupRobotOptions> options, TimeProvider clock)
    {
        /// <exception cref="FluentValidation.ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            var language = command.Language ?? GroupRobotLanguages.Chinese;
            GroupRobotInput.Validate(command.Name, command.Kind, command.Webhook ?? "", command.Secret, command.TemplateKeys, language, actor.Scope.EnterpriseId is not null, options.Value);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (enterpriseId, regionCode) = await GroupRobotOwner.OfAsync(db, actor, cancellationToken);
            var webhook = command.Webhook!.Trim();
            var secret = string.IsNullOrWhiteSpace(command.Secret) ? null : command.Secret.Trim();
            var robot = GroupRobot.Add(
                enterpriseId, regionCode, command.Name, command.Kind, secrets.Protect(webhook), GroupRobotSecrets.Hint(webhook),
                secret is null ? null : secrets.Protect(secret), secret is null ? null : GroupRobotSecrets.Hint(secret),
                command.TemplateKeys, language, actor.Scope.UserId, clock.GetUtcNow());
            db.Add(robot);
            await db.SaveChangesAsync(cancellationToken);
            return robot.Id;
        }
    }
}
