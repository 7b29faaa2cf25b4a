using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>Renames a robot, changes its notice kinds, and replaces its webhook URL or secret when new ones are typed.</summary>
public static class UpdateGroupRobot
{
    /// <param name="Webhook">A new webhook URL, or null to keep the stored one.</param>
    /// <param name="Secret">A new DingTalk secret, or null to keep the stored one.</param>
    /// <param name="RemoveSecret">True to sign no more (the robot's 加签 was turned off).</param>
    /// <param name="Language">The group's language (<see cref="GroupRobotLanguages"/>), or null to keep it.</param>
    public sealed record Command(Guid Id, string Name, IReadOnlyList<string> TemplateKeys, string? Webhook, string? Secret, bool RemoveSecret, string? Language = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, GroupRobotSecrets secrets, IOptions<GroupRobotOptions> options)
    {
        /// <exception cref="FluentValidation.ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">Not the caller's robot.</exception>
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var robot = await GroupRobotOwner.FindAsync(db, actor, command.Id, cancellationToken);
            var webhook = string.IsNullOrWhiteSpace(command.Webhook) ? null : command.Webhook.Trim();
            var secret = string.IsNullOrWhiteSpace(command.Secret) ? null : command.Secret.Trim();
            var language = command.Language ?? robot.Language;
            GroupRobotInput.Validate(command.Name, robot.Kind, webhook, secret, command.TemplateKeys, language, robot.EnterpriseId is not null, options.Value);
            robot.Update(command.Name, command.TemplateKeys, language);
            if (webhook is not null)
            {
                robot.ReplaceWebhook(secrets.Protect(webhook), GroupRobotSecrets.Hint(webhook));
            }

            if (command.RemoveSecret)
            {
                robot.ReplaceSecret(null, null);
            }
            else if (secret is not null)
            {
                robot.ReplaceSecret(secrets.Protect(secret), GroupRobotSecrets.Hint(secret));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
