using DualPrevention.Core.Accounts;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Dashboards;

namespace DualPrevention.Web.Reports.Dashboards;

/// <summary>Where each dashboard and its drill-downs live; the period, region and ranking travel in the query string.</summary>
internal static class DashboardUrls
{
    /// <summary>A role's own dashboard: city reviewers the city's, province staff and administrators the province's, enterprise staff their enterprise's.</summary>
    public static string For(Actor actor) =>
        actor.Is(Roles.CityReviewer) ? "dashboard/city"
        : actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin) ? "dashboard/province"
        : Roles.EnterpriseRoles.Any(actor.Is) ? "dashboard/enterprise"
        : "";

    /// <param name="region">The city, or a county of it; null = the reviewer's own city.</param>
    public static string City(ReportPeriod period, string? region = null, DashboardRanking rank = DashboardRanking.LowestScore) =>
        With("dashboard/city", period, region, rank);

    public static string Province(ReportPeriod period, DashboardRanking rank = DashboardRanking.LowestScore) => With("dashboard/province", period, null, rank);

    public static string Enterprise(ReportPeriod period) => $"dashboard/enterprise?period={period.Code}";

    /// <summary>An enterprise's read-only view (its detail page links its register, risk overview and task board).</summary>
    public static string EnterpriseView(Guid enterpriseId) => $"enterprises/{enterpriseId}";

    public static string RiskRegister(Guid enterpriseId) => $"enterprises/{enterpriseId}/risk-register";

    public static string InspectionBoard(Guid enterpriseId) => $"enterprises/{enterpriseId}/inspection-board";

    public static string HiddenDangers(Guid enterpriseId) => $"hidden-dangers?enterprise={enterpriseId}";

    private static string With(string path, ReportPeriod period, string? region, DashboardRanking rank)
    {
        var query = $"{path}?period={period.Code}";
        if (region is not null)
        {
            query += $"&region={Uri.EscapeDataString(region)}";
        }

        return rank == DashboardRanking.LowestScore ? query : $"{query}&rank={rank}";
    }
}
