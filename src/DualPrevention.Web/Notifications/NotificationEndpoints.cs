using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Web.Notifications;

/// <summary>The caller's own inbox under <c>/api/v1/notifications</c>; another person's notification answers 404.</summary>
internal static class NotificationEndpoints
{
    /// <summary>Answer of the unread count.</summary>
    public sealed record UnreadCount(int Count);

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", (ClaimsPrincipal user, ListMyNotifications.Handler handler, bool? unreadOnly, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListMyNotifications.Query(unreadOnly ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListMyNotifications")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        notifications.MapGet("/unread-count", async (ClaimsPrincipal user, CountMyUnreadNotifications.Handler handler, CancellationToken ct) =>
                new UnreadCount(await handler.HandleAsync(Actor.From(user), ct)))
            .WithName("CountMyUnreadNotifications");
        notifications.MapPost("/{id:guid}/read", async (ClaimsPrincipal user, Guid id, MarkNotificationRead.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, ct);
            return TypedResults.NoContent();
        }).WithName("MarkNotificationRead")
            .ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/read-all", async (ClaimsPrincipal user, MarkAllNotificationsRead.Handler handler, CancellationToken ct) =>
                new UnreadCount(await handler.HandleAsync(Actor.From(user), ct)))
            .WithName("MarkAllNotificationsRead");
        return api;
    }
}
