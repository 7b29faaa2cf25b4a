using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Notifications;

/// <summary>
/// The caller's own group robots under <c>/api/v1/group-robots</c> (ADR 0019): another owner's robot answers 404, the
/// webhook URL and secret are never answered back, a malformed field answers 400 naming it.
/// </summary>
internal static class GroupRobotEndpoints
{
    /// <summary>Body of an edit: <see cref="UpdateGroupRobot.Command"/> without the id.</summary>
    public sealed record GroupRobotUpdate(string Name, IReadOnlyList<string> TemplateKeys, string? Webhook, string? Secret, bool RemoveSecret, string? Language = null);

    /// <summary>Body of a switch on or off.</summary>
    public sealed record GroupRobotSwitch(bool Enabled);

    public static RouteGroupBuilder MapGroupRobotEndpoints(this RouteGroupBuilder api)
    {
        var robots = api.MapGroup("/group-robots").WithTags("Group robots").RequireAuthorization(Policies.GroupRobotManager);
        robots.MapGet("/", (ClaimsPrincipal user, ListGroupRobots.Handler handler, CancellationToken ct) => handler.HandleAsync(Actor.From(user), ct))
            .WithName("ListGroupRobots")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        robots.MapPost("/", async (ClaimsPrincipal user, AddGroupRobot.Command command, AddGroupRobot.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), command, ct);
            return TypedResults.Created($"/api/v1/group-robots/{id}", new CreatedId(id));
        }).WithName("AddGroupRobot")
            .ProducesValidationProblem();
        robots.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, GroupRobotUpdate body, UpdateGroupRobot.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new UpdateGroupRobot.Command(id, body.Name, body.TemplateKeys, body.Webhook, body.Secret, body.RemoveSecret, body.Language), ct);
            return TypedResults.NoContent();
        }).WithName("UpdateGroupRobot")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        robots.MapPut("/{id:guid}/enabled", async (ClaimsPrincipal user, Guid id, GroupRobotSwitch body, SetGroupRobotEnabled.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, body.Enabled, ct);
            return TypedResults.NoContent();
        }).WithName("SetGroupRobotEnabled")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        robots.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteGroupRobot.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteGroupRobot")
            .ProducesProblem(StatusCodes.Status404NotFound);
        robots.MapPost("/{id:guid}/test", (ClaimsPrincipal user, Guid id, SendGroupRobotTestMessage.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), id, ct))
            .WithName("SendGroupRobotTestMessage")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
