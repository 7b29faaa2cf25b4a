using System.Globalization;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Who a report file names as its requester (生成人): the person's display name and organisation, "王海（青岛示范石化有限公司）"
/// for an enterprise user, "李明（青岛市）" for a regulator — not the sign-in name, which a reader of the file cannot place.
/// </summary>
public static class DescribeReportRequester
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <returns>The description, or <paramref name="userName"/> when the account is unknown (e.g. deleted since).</returns>
        public async Task<string> HandleAsync(Guid? userId, string userName, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await DescribeAsync(db, userId, userName, cancellationToken);
        }
    }

    /// <summary>
    /// The language a file is written in: the requester's (<see cref="Accounts.ApplicationUser.PreferredCulture"/>, set
    /// when they switch languages), Chinese for the monthly archives and an account that is gone.
    /// </summary>
    internal static async Task<CultureInfo> CultureAsync(DualPreventionDbContext db, Guid? userId, CancellationToken cancellationToken)
    {
        var preferred = userId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(cancellationToken);
        return preferred is null ? ReportText.Chinese : CultureInfo.GetCultureInfo(preferred);
    }

    internal static async Task<string> DescribeAsync(DualPreventionDbContext db, Guid? userId, string userName, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return userName;
        }

        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName,
                Organisation = u.EnterpriseId != null
                    ? db.Enterprises.Where(e => e.Id == u.EnterpriseId).Select(e => e.Name).FirstOrDefault()
                    : db.Regions.Where(r => r.Code == u.ScopeRegionCode).Select(r => r.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return userName;
        }

        var name = string.IsNullOrWhiteSpace(person.DisplayName) ? userName : person.DisplayName;
        return string.IsNullOrWhiteSpace(person.Organisation) ? name : $"{name}（{person.Organisation}）";
    }
}
