using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.Risks.Register;

/// <summary>
/// Risk-register import under <c>/api/v1/risk-register</c>: a dry run (default) or a commit of an uploaded
/// workbook, and the blank template. Stateless: a commit uploads the file again.
/// </summary>
internal static class RiskRegisterImportEndpoints
{
    public static RouteGroupBuilder MapRiskRegisterImportEndpoints(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/risk-register").WithTags("Risk register");

        // Multipart bodies would make ASP.NET Core demand an antiforgery token. Bearer callers cannot be forged
        // cross-site, and the cookie is SameSite=Lax, so a foreign page's POST carries no session.
        register.MapPost("/imports", ImportAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer))
            .DisableAntiforgery()
            .WithName("ImportRiskControlList")
            .ProducesValidationProblem();
        register.MapGet("/template", () => TypedResults.File(RiskRegisterTemplate.Build(), ExportRiskRegister.ContentType, RiskRegisterTemplate.FileName))
            .WithName("GetRiskRegisterTemplate")
            .ProducesFile(ExportRiskRegister.ContentType);
        return api;
    }

    /// <summary>
    /// 200 with the preview (or, with <c>commit=true</c>, the committed counts); 422 with the preview when a commit
    /// was asked for but the file has errors; 400 ProblemDetails when the file is refused.
    /// </summary>
    /// <param name="mapping">Optional JSON object: normalised header → field name ("" ignores the column).</param>
    /// <param name="sha256">Optional: the previewed file's hash; a commit of another file is refused.</param>
    /// <param name="answers">Optional JSON array answering the preview's questions: <c>[{"sheet":"清单","field":"ControlLevel","value":"班组级"}]</c>.</param>
    private static async Task<Results<Ok<ImportRiskControlList.Result>, UnprocessableEntity<ImportRiskControlList.Result>>> ImportAsync(
        ClaimsPrincipal user, IFormFile file, [FromForm] string? mapping, [FromForm] string? sha256, [FromForm] string? answers, [FromQuery] bool? commit,
        ImportRiskControlList.Handler handler, CancellationToken cancellationToken)
    {
        var corrections = ImportFormFields.Mapping(mapping);
        var answered = ImportFormFields.Answers(answers);
        WorkbookGuard.CheckSize(file.Length);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await handler.HandleAsync(
            Actor.From(user), new ImportRiskControlList.Command(buffer.ToArray(), file.FileName, commit ?? false, corrections, sha256, answered), cancellationToken);
        return commit == true && !result.Committed ? TypedResults.UnprocessableEntity(result) : TypedResults.Ok(result);
    }
}
