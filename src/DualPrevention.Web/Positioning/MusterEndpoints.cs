using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// 应急点名 under <c>/api/v1/musters</c> (ADR 0041): the enterprise's administrator and safety officers start and close
/// a muster and read its roll with names (each read audited); a regulator in scope lists and reads the counts only.
/// Another tenant's muster answers 404.
/// </summary>
internal static class MusterEndpoints
{
    public static RouteGroupBuilder MapMusterEndpoints(this RouteGroupBuilder api)
    {
        var musters = api.MapGroup("/musters").WithTags("Emergency musters");
        musters.MapGet("/", (ClaimsPrincipal user, Guid? enterpriseId, int? page, int? pageSize, ListMusters.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new ListMusters.Query(enterpriseId ?? Actor.From(user).Scope.EnterpriseId ?? Guid.Empty, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListMusters")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        musters.MapPost("/", async (ClaimsPrincipal user, StartMuster.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), ct);
            return TypedResults.Created($"/api/v1/musters/{id}", new CreatedId(id));
        }).WithName("StartMuster")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        musters.MapGet("/{id:guid}", async (ClaimsPrincipal user, Guid id, GetMuster.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user), new GetMuster.Query(id), ct)))
            .WithName("GetMuster")
            .ProducesProblem(StatusCodes.Status404NotFound);
        musters.MapPost("/{id:guid}/close", async (ClaimsPrincipal user, Guid id, CloseMuster.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, ct);
            return TypedResults.NoContent();
        }).WithName("CloseMuster")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
