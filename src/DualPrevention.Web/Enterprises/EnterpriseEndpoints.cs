using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Enterprises;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualPrevention.Web.Enterprises;

/// <summary>Enterprises under <c>/api/v1/enterprises</c>; every answer is limited to the caller's tenant scope.</summary>
internal static class EnterpriseEndpoints
{
    /// <summary>Body of an update: the details and the version the client read.</summary>
    public sealed record EnterpriseUpdate(EnterpriseDetails Details, uint Version);

    public static RouteGroupBuilder MapEnterpriseEndpoints(this RouteGroupBuilder api)
    {
        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises");
        enterprises.MapGet("/", (ListEnterprises.Handler handler, string? search, string? region, ListEnterprises.SortBy? sort, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(new ListEnterprises.Query(search, region, sort ?? ListEnterprises.SortBy.Name, descending ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListEnterprises")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        enterprises.MapGet("/{id:guid}", (Guid id, GetEnterprise.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .WithName("GetEnterprise")
            .ProducesProblem(StatusCodes.Status404NotFound);
        enterprises.MapPost("/", async (ClaimsPrincipal user, RegisterEnterprise.Command command, RegisterEnterprise.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), command, ct);
            return TypedResults.Created($"/api/v1/enterprises/{id}", new CreatedId(id));
        }).RequireAuthorization(Policies.EnterpriseRegistrar)
            .WithName("RegisterEnterprise")
            .ProducesValidationProblem();
        enterprises.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, EnterpriseUpdate body, UpdateEnterprise.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new UpdateEnterprise.Command(id, body.Details, body.Version), ct);
            return TypedResults.NoContent();
        }).WithName("UpdateEnterprise")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/chemical-parks", async Task<Results<Ok<IReadOnlyList<ListChemicalParks.Row>>, ProblemHttpResult>> (string region, ListChemicalParks.Handler handler, CancellationToken ct) =>
                Core.Regions.RegionCodes.IsValid(region)
                    ? TypedResults.Ok(await handler.HandleAsync(region, ct))
                    : TypedResults.Problem(title: "region must be a six-digit code", statusCode: StatusCodes.Status400BadRequest))
            .WithTags("Enterprises")
            .WithName("ListChemicalParks")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }
}
