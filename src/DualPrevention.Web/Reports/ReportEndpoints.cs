using System.Globalization;
using System.Security.Claims;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualPrevention.Web.Reports;

/// <summary>
/// Compliance reports under <c>/api/v1/reports</c> (ADR 0009), for every signed-in user within their scope: <c>GET
/// /compliance?period=2026-11&amp;region=370200&amp;format=json|xlsx|csv|pdf</c> answers at once (files streamed);
/// <c>/exports</c> runs the same as a background job with progress and a download link, and lists the monthly archives.
/// </summary>
internal static class ReportEndpoints
{
    /// <summary>The content types of the report's file formats.</summary>
    private static readonly string[] FileTypes = [.. Enum.GetValues<ReportFormat>().Select(ReportFiles.ContentType)];

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/compliance", ComplianceAsync)
            .WithName("GetComplianceReport")
            .ProducesFile(FileTypes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapPost("/exports", (ClaimsPrincipal user, ExportRequest request, RequestReportExport.Handler handler, CancellationToken ct) =>
                RequestAsync(user, request, handler, ct))
            .WithName("RequestReportExport")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/exports", (ClaimsPrincipal user, ListReportExports.Handler handler, bool? archivesOnly, bool? ownOnly, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListReportExports.Query(archivesOnly ?? false, page ?? 1, pageSize ?? 20, ownOnly ?? false), ct))
            .WithName("ListReportExports")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        reports.MapGet("/exports/{id:guid}", (Guid id, GetReportExport.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .WithName("GetReportExport")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/exports/{id:guid}/file", async (Guid id, GetReportExport.Handler handler, CancellationToken ct) =>
        {
            var file = await handler.OpenFileAsync(id, ct);
            return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
        }).WithName("DownloadReportExport")
            .ProducesFile(FileTypes)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The body of <c>POST /exports</c>: period code, format (xlsx, csv, pdf), optional region code.</summary>
    public sealed record ExportRequest(string? Period, string? Format, string? Region);

    private static async Task<Results<Ok<ComputeComplianceReport.Result>, PushStreamHttpResult>> ComplianceAsync(
        string? period, string? region, string? format, ComputeComplianceReport.Handler handler, DescribeReportRequester.Handler requesters, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var parsed = ReportPeriod.FromInput(period);
        if (format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(await handler.HandleAsync(new ComputeComplianceReport.Query(parsed, region), ct));
        }

        var fileFormat = ParseFormat(format);
        var report = await handler.HandleAsync(new ComputeComplianceReport.Query(parsed, region), ct);
        var scope = Actor.From(user).Scope;
        var requester = await requesters.HandleAsync(scope.UserId, scope.UserName ?? user.Identity?.Name ?? "", ct);
        // A file fetched at once is in the request's language (cookie or Accept-Language), as the page would show it.
        var culture = CultureInfo.CurrentUICulture;
        var header = new ComplianceReportHeader(parsed, report.RegionCode, report.RegionName, report.EvaluatedAt, requester, culture);
        return TypedResults.Stream(
            output => ComplianceReportFile.WriteAsync(fileFormat, header, report.Rows.ToAsyncEnumerable(), output, ct),
            ReportFiles.ContentType(fileFormat),
            ReportFiles.FileName(report.RegionName, parsed, fileFormat, culture));
    }

    private static async Task<Accepted<CreatedId>> RequestAsync(ClaimsPrincipal user, ExportRequest request, RequestReportExport.Handler handler, CancellationToken ct)
    {
        var id = await handler.HandleAsync(Actor.From(user), new RequestReportExport.Command(ReportPeriod.FromInput(request.Period), ParseFormat(request.Format), request.Region), ct);
        return TypedResults.Accepted($"/api/v1/reports/exports/{id}", new CreatedId(id));
    }

    private static ReportFormat ParseFormat(string? format) =>
        ReportFiles.TryParseFormat(format, out var parsed) ? parsed : throw new DomainRuleException(CoreText.Get("Reports.FormatInvalid", format ?? ""));
}
