using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>
/// Draft hidden-danger reports opened by inspections, under <c>/api/v1/hidden-dangers/drafts</c>: read within the
/// caller's scope, edited and submitted to 待确认 by the enterprise's people (others get 403). A foreign id answers 404.
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
        drafts.MapPost("/{id:guid}/submit", async (ClaimsPrincipal user, Guid id, SubmitBody body, SubmitHiddenDangerDraft.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new SubmitHiddenDangerDraft.Command(id, body.Name, body.Description, body.Level, body.MajorReason), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(EnterprisePeople)
            .WithName("SubmitHiddenDangerDraft")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The draft's last edits and, for a major one, why it is major; the draft goes to 待确认.</summary>
    public sealed record SubmitBody(string Name, string Description, HiddenDangerLevel Level, string? MajorReason);

    /// <summary>隐患名称 (≤ 300 characters), 隐患描述 (required) and 隐患级别.</summary>
    public sealed record DraftBody(string Name, string Description, HiddenDangerLevel Level);
}
