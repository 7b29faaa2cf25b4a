using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// 轨迹回放 at <c>/api/v1/tracks</c> (ADR 0041): a person's or a tag's track for a period of at most a day, for the
/// enterprise's administrator and safety officers only (403 for everyone else, regulators included); every call is
/// audited. A period that is missing, reversed or longer than a day answers 400; another enterprise's person 404.
/// </summary>
internal static class TrackEndpoints
{
    public static RouteGroupBuilder MapTrackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tracks", async (ClaimsPrincipal user, Guid? personId, Guid? tagId, DateTimeOffset from, DateTimeOffset to, GetTrack.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user), new GetTrack.Query(personId, tagId, from, to), ct)))
            .WithTags("Tracks")
            .WithName("GetTrack")
            .RequireAuthorization(Policies.PositionViewer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
