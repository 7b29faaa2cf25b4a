using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualPrevention.Web.Reports.Dashboards;

/// <summary>
/// The dashboard figures as JSON (ADR 0009): <c>GET /api/v1/dashboards?period=2026-11&amp;region=370200</c>. The period
/// is a month <c>yyyy-MM</c>, a quarter <c>yyyy-Qn</c> or a year <c>yyyy</c> (default: the current month, Beijing
/// time); the region defaults to the caller's scope. A bad period or region answers 400 ProblemDetails, a region
/// outside the caller's scope 404.
/// </summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboards", GetAsync)
            .WithTags("Dashboards")
            .WithName("GetDashboard")
            .WithSummary("KPIs, four-colour distribution, ranking, regions side by side, trends and hidden dangers by source and category")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<GetDashboard.Result>> GetAsync(
        string? period, string? region, DashboardRanking? rankBy, int? top, GetDashboard.Handler handler, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = new GetDashboard.Query(period is null ? DashboardPeriods.FromQuery(null, clock) : ReportPeriod.FromInput(period), region, rankBy ?? DashboardRanking.LowestScore, top ?? 10);
        return TypedResults.Ok(await handler.HandleAsync(query, cancellationToken));
    }
}
