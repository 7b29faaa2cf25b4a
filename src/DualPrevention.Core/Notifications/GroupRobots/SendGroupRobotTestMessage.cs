using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Posts a test message through one of the caller's robots now, and tells what the platform answered
/// (<c>errcode</c>/<c>errmsg</c>, or why there was no answer), so a wrong key or signature shows at once.
/// </summary>
public static class SendGroupRobotTestMessage
{
    /// <param name="Delivered">The platform answered <c>errcode</c> 0.</param>
    /// <param name="ErrorCode">The platform's <c>errcode</c>, when it answered with one.</param>
    /// <param name="Answer">The platform's <c>errmsg</c>, or the reason no answer came.</param>
    public sealed record Result(bool Delivered, int? ErrorCode, string Answer);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, GroupRobotSecrets secrets, GroupRobotPoster poster, PublicSite site)
    {
        /// <exception cref="NotFoundException">Not the caller's robot.</exception>
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task<Result> HandleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var robot = await GroupRobotOwner.FindAsync(db, actor, id, cancellationToken);
            var culture = GroupRobotLanguages.Culture(robot.Language);
            var message = new GroupRobotMessage(
                Notices.Text(culture, "GroupRobot.Test.Title"),
                Notices.Text(culture, "GroupRobot.Test.Body", robot.Name),
                site.BaseUrl?.AbsoluteUri,
                Notices.Text(culture, "GroupRobot.LinkText"));
            try
            {
                await poster.PostAsync(robot.Kind, new Uri(secrets.Unprotect(robot.ProtectedWebhook)), robot.ProtectedSecret is { } secret ? secrets.Unprotect(secret) : null, message, cancellationToken);
                return new Result(true, 0, "ok");
            }
            catch (GroupRobotRefusedException refused)
            {
                return new Result(false, refused.ErrorCode, refused.ErrorMessage ?? refused.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException
                                       && !cancellationToken.IsCancellationRequested)
            {
                return new Result(false, null, ex.Message);
            }
        }
    }
}
