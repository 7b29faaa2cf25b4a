using DualPrevention.Core.Reports.Exports;

namespace DualPrevention.Web.Jobs;

/// <summary>Hangfire's entry to <see cref="ArchiveMonthlyReports"/>: last month's report of every city and of the province.</summary>
public sealed class ArchiveMonthlyReportsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<ArchiveMonthlyReports.Handler>(handler => handler.HandleAsync(cancellationToken));
}
