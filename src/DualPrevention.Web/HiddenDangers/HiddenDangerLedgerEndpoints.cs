using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>
/// The read side of hidden dangers under <c>/api/v1</c>: the ledger (<c>/hidden-dangers</c>) for everyone within
/// their tenant scope, the historical ledger import for the enterprise's administrator and safety officers, and the
/// supervision lists (<c>/supervision/city</c>, <c>/supervision/province</c>) for regulators.
/// </summary>
internal static class HiddenDangerLedgerEndpoints
{
    public static RouteGroupBuilder MapHiddenDangerLedgerEndpoints(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/hidden-dangers").WithTags("Hidden dangers");
        ledger.MapGet("/", ListAsync)
            .WithName("ListHiddenDangers")
            .ProducesValidationProblem();

        // The ledger as a file, with the list's filters (sort and order too; paging does not apply): at once up to
        // ExportHiddenDangerLedger.MaxRows rows, else 202 with the background export to poll (ADR 0035).
        ledger.MapGet("/ledger.xlsx", (ClaimsPrincipal user, ExportHiddenDangerLedger.Handler handler, [AsParameters] LedgerFilters filters, CancellationToken ct) =>
                ExportAsync(user, handler, filters, LedgerFileFormat.Xlsx, ct))
            .WithName("ExportHiddenDangerLedgerXlsx")
            .ProducesFile(ExportHiddenDangerLedger.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        ledger.MapGet("/ledger.pdf", (ClaimsPrincipal user, ExportHiddenDangerLedger.Handler handler, [AsParameters] LedgerFilters filters, CancellationToken ct) =>
                ExportAsync(user, handler, filters, LedgerFileFormat.Pdf, ct))
            .WithName("ExportHiddenDangerLedgerPdf")
            .ProducesFile(ExportHiddenDangerLedger.PdfContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Multipart bodies would make ASP.NET Core demand an antiforgery token; as for the risk-list import, bearer
        // callers cannot be forged cross-site and the cookie is SameSite=Lax.
        ledger.MapPost("/imports", ImportAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer))
            .DisableAntiforgery()
            .WithName("ImportHiddenDangerLedger")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        ledger.MapGet("/ledger-template", () => TypedResults.File(HiddenDangerLedgerTemplate.Build(), ExportRiskRegister.ContentType, HiddenDangerLedgerTemplate.FileName))
            .RequireAuthorization(policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer))
            .WithName("GetHiddenDangerLedgerTemplate")
            .ProducesFile(ExportRiskRegister.ContentType);

        var supervision = api.MapGroup("/supervision").WithTags("Supervision");
        supervision.MapGet("/city", (ClaimsPrincipal user, ListCitySupervision.Handler handler, Guid? enterpriseId, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListCitySupervision.Query(enterpriseId, page ?? 1, pageSize ?? 20), ct))
            .RequireAuthorization(Policies.Regulator)
            .WithName("ListCitySupervision")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        // allMajor=true adds every open major hidden danger and every posted one to what the ladder escalated to the province.
        supervision.MapGet("/province", (ClaimsPrincipal user, ListProvinceSupervision.Handler handler, Guid? enterpriseId, int? page, int? pageSize, bool? allMajor, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListProvinceSupervision.Query(enterpriseId, page ?? 1, pageSize ?? 20, allMajor ?? false), ct))
            .RequireAuthorization(policy => policy.RequireRole(Roles.ProvinceStaff, Roles.Admin))
            .WithName("ListProvinceSupervision")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <param name="state">Repeatable: <c>?state=Rectifying&amp;state=PendingAcceptance</c>.</param>
    /// <param name="from">First local date (yyyy-MM-dd) of the period in which items were reported.</param>
    /// <param name="to">Last local date of the period, inclusive.</param>
    private static Task<Core.Paged<ListHiddenDangers.Row>> ListAsync(
        ListHiddenDangers.Handler handler, [FromQuery] HiddenDangerState[]? state, HiddenDangerLevel? level, bool? overdue, InspectionSource? source,
        HiddenDangerOrigin? origin, Guid? unitId, DateOnly? from, DateOnly? to, string? search, Guid? enterpriseId, ListHiddenDangers.SortBy? sort,
        bool? descending, int? page, int? pageSize, CancellationToken ct) =>
        handler.HandleAsync(
            new ListHiddenDangers.Query(state, level, overdue, source, origin, unitId, from, to, search, enterpriseId, sort ?? ListHiddenDangers.SortBy.ReportedAt,
                descending ?? true, page ?? 1, pageSize ?? 20), ct);

    /// <summary>The file (200), or 202 with <c>Location: /api/v1/reports/exports/{id}</c> for a ledger written in the background.</summary>
    private static async Task<Results<FileContentHttpResult, Accepted<CreatedId>>> ExportAsync(
        ClaimsPrincipal user, ExportHiddenDangerLedger.Handler handler, LedgerFilters filters, LedgerFileFormat format, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Actor.From(user), new ExportHiddenDangerLedger.Command(filters.ToQuery(), format), cancellationToken);
        return result switch
        {
            { File: { } file } => TypedResults.File(file.Content, file.ContentType, file.FileName),
            _ => TypedResults.Accepted($"/api/v1/reports/exports/{result.ExportId}", new CreatedId(result.ExportId!.Value)),
        };
    }

    /// <summary>The ledger list's filters as query parameters (<c>?state=Rectifying&amp;state=PendingAcceptance&amp;level=Major</c>).</summary>
    internal sealed record LedgerFilters(
        [FromQuery] HiddenDangerState[]? State, HiddenDangerLevel? Level, bool? Overdue, InspectionSource? Source, HiddenDangerOrigin? Origin, Guid? UnitId,
        DateOnly? From, DateOnly? To, string? Search, Guid? EnterpriseId, ListHiddenDangers.SortBy? Sort, bool? Descending)
    {
        public ListHiddenDangers.Query ToQuery() =>
            new(State, Level, Overdue, Source, Origin, UnitId, From, To, Search, EnterpriseId, Sort ?? ListHiddenDangers.SortBy.ReportedAt, Descending ?? true);
    }

    /// <summary>
    /// 200 with the preview (<c>dryRun=true</c>, the default) or the committed counts; 422 with the preview when a
    /// commit was asked for but the file has errors; 400 ProblemDetails when the file is refused.
    /// </summary>
    private static async Task<Results<Ok<ImportHiddenDangerLedger.Result>, UnprocessableEntity<ImportHiddenDangerLedger.Result>>> ImportAsync(
        ClaimsPrincipal user, IFormFile file, [FromForm] string? mapping, [FromQuery] bool? dryRun, ImportHiddenDangerLedger.Handler handler, CancellationToken cancellationToken)
    {
        var corrections = ImportFormFields.Mapping(mapping);
        WorkbookGuard.CheckSize(file.Length);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var commit = dryRun == false;
        var result = await handler.HandleAsync(Actor.From(user), new ImportHiddenDangerLedger.Command(buffer.ToArray(), file.FileName, commit, corrections), cancellationToken);
        return commit && !result.Committed ? TypedResults.UnprocessableEntity(result) : TypedResults.Ok(result);
    }
}
