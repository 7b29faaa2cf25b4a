using DualPrevention.Core.Regions;

namespace DualPrevention.Web.Regions;

/// <summary>Administrative divisions (reference data) under <c>/api/v1/regions</c>.</summary>
internal static class RegionEndpoints
{
    public static RouteGroupBuilder MapRegionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/regions", (string? parent, ListRegions.Handler handler, CancellationToken ct) => handler.HandleAsync(parent, ct))
            .WithTags("Regions")
            .WithName("ListRegions")
            .WithSummary("Divisions under a parent code; without one, the provinces");
        return api;
    }
}
