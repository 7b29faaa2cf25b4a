using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Risks;

namespace DualPrevention.Web.MajorHazards;

/// <summary>
/// Major hazard identification and grading under <c>/api/v1/major-hazards</c> (GB 18218-2018, ADR 0047): the register's
/// major hazard sources with their latest calculation, one with its substances and every snapshot, the unit's
/// description and its grading for the enterprise's editors, and the substance catalogue. A malformed field answers 400
/// naming it, another tenant's source 404.
/// </summary>
internal static class MajorHazardEndpoints
{
    public static RouteGroupBuilder MapMajorHazardEndpoints(this RouteGroupBuilder api)
    {
        var hazards = api.MapGroup("/major-hazards").WithTags("MajorHazards");
        hazards.MapGet("/", (MajorHazardLevel? level, string? search, ListMajorHazards.Sort? sort, int? page, int? pageSize, ListMajorHazards.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new ListMajorHazards.Query(level, search, sort ?? ListMajorHazards.Sort.Level, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListMajorHazards")
            .WithSummary("The major hazard sources in the caller's scope with their latest S, most severe level first")
            .ProducesValidationProblem();
        hazards.MapGet("/{id:guid}", async (Guid id, GetMajorHazard.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetMajorHazard")
            .WithSummary("One major hazard source: its unit, substances with q, and every calculation, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hazards.MapPut("/{id:guid}/unit", async (ClaimsPrincipal user, Guid id, MajorHazardUnitBody body, DescribeMajorHazardUnit.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new DescribeMajorHazardUnit.Command(id, body.UnitType, body.Population500m, body.Substances ?? []), ct);
                return TypedResults.NoContent();
            })
            .WithName("DescribeMajorHazardUnit")
            .WithSummary("State the unit's type, the people within 500 m and its substances with their design maximum q in tonnes")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        hazards.MapPost("/{id:guid}/grade", async (ClaimsPrincipal user, Guid id, MajorHazardGradeBody? body, GradeMajorHazardSource.Handler handler, CancellationToken ct) =>
            {
                var c = await handler.HandleAsync(Actor.From(user), new GradeMajorHazardSource.Command(id, body?.BetaChoice ?? BetaChoice.Largest), ct);
                return TypedResults.Ok(new GradedMajorHazard(c.Id, c.StandardVersion, c.SValue, c.IsMajorHazard, c.RValue, c.Level, c.CalculatedAt));
            })
            .WithName("GradeMajorHazardSource")
            .WithSummary("Identify and grade the unit from its substances (S, R, level) and keep the calculation as a snapshot")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        hazards.MapGet("/substances", (string? search, int? page, int? pageSize, SearchHazardousChemicals.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new SearchHazardousChemicals.Query(search, page ?? 1, pageSize ?? 20), ct))
            .WithName("SearchHazardousChemicals")
            .WithSummary("The substance catalogue: Table 1's 85 rows and the enterprise's own, by name or CAS number")
            .ProducesValidationProblem();
        hazards.MapPost("/substances", async (ClaimsPrincipal user, HazardousChemicalDetails body, AddHazardousChemical.Handler handler, CancellationToken ct) =>
            {
                var id = await handler.HandleAsync(Actor.From(user), body, ct);
                return TypedResults.Created($"/api/v1/major-hazards/substances/{id}", new { id });
            })
            .WithName("AddHazardousChemical")
            .WithSummary("Add a substance outside Table 1 with its hazard classes to the enterprise's catalogue")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public sealed record MajorHazardUnitBody(MajorHazardUnitType UnitType, int Population500m, IReadOnlyList<SubstanceLine>? Substances);

    public sealed record MajorHazardGradeBody(BetaChoice? BetaChoice);

    public sealed record GradedMajorHazard(Guid Id, string StandardVersion, decimal SValue, bool IsMajorHazard, decimal? RValue, MajorHazardLevel? Level, DateTimeOffset CalculatedAt);
}
