using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>
/// Draft hidden-danger reports opened by inspections, under <c>/api/v1/hidden-dangers/drafts</c>: read within the
/// caller's scope, edited by the enterprise's people (others get 403). A foreign id answers 404.
/// </summary>
internal static class HiddenDangerDraftEndpoints
{
    private static readonly AuthorizationPolicy EnterprisePeople = new AuthorizationPolicyBuilder().RequireRole([.. Roles.EnterpriseRoles]).Build();

    public static RouteGroupBuilder MapHiddenDangerDraftEndpoints(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/hidden-dangers/drafts").WithTags("Hidden dangers");
        drafts.MapGet("/{id:guid}", (Guid id, GetHiddenDangerDraft.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new GetHiddenDangerDraft.Query(id), ct))
            .WithName("GetHiddenDangerDraft")
            .ProducesProblem(StatusCodes.Status404NotFound);
        drafts.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, DraftBody body, EditHiddenDangerDraft.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new EditHiddenDangerDraft.Command(id, body.Name, body.Description, body.Level), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(EnterprisePeople)
            .WithName("EditHiddenDangerDraft")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>隐患名称 (≤ 300 characters), 隐患描述 (required) and 隐患级别.</summary>
    public sealed record DraftBody(string Name, string Description, HiddenDangerLevel Level);
}
