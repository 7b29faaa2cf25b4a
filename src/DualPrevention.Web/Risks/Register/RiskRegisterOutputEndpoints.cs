using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualPrevention.Web.Risks.Register;

/// <summary>
/// What the register gives out under <c>/api/v1/risk-register</c>: the .xlsx export and a unit's notification card.
/// Both read only inside the caller's tenant scope; a foreign enterprise or unit answers 404.
/// </summary>
internal static class RiskRegisterOutputEndpoints
{
    public static RouteGroupBuilder MapRiskRegisterOutputEndpoints(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/risk-register").WithTags("Risk register");

        // Enterprise users export their own register; regulators name an enterprise of their city or province.
        register.MapGet("/export", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (ClaimsPrincipal user, Guid? enterpriseId, ExportRiskRegister.Handler handler, CancellationToken ct) =>
        {
            if ((enterpriseId ?? Actor.From(user).Scope.EnterpriseId) is not { } id)
            {
                return TypedResults.Problem(title: "enterpriseId is required outside an enterprise", statusCode: StatusCodes.Status400BadRequest);
            }

            var workbook = await handler.HandleAsync(new ExportRiskRegister.Query(id), ct);

            // The file name is Chinese: the Content-Disposition carries it as RFC 5987 filename* beside an ASCII fallback.
            return TypedResults.Stream(output => workbook.WriteToAsync(output, ct), ExportRiskRegister.ContentType, workbook.FileName);
        }).WithName("ExportRiskRegister")
            .ProducesFile(ExportRiskRegister.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        register.MapGet("/units/{id:guid}/card", (Guid id, GetRiskNotificationCard.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new GetRiskNotificationCard.Query(id), ct))
            .WithName("GetRiskNotificationCard")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
