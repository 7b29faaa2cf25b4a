using DualPrevention.Core.Accounts;
using Hangfire.Dashboard;

namespace DualPrevention.Web.Hosting;

/// <summary>Only administrators see the Hangfire dashboard at /jobs.</summary>
internal sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
