using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The hidden-danger ledger (隐患排查治理台账, docs/domain/dual-prevention.md#63-the-hidden-danger-record) as a file, with
/// the filters of the ledger page (<see cref="ListHiddenDangers.Query"/>, in its order): .xlsx or A4 landscape PDF. The
/// file names the organisation, the filters, the requester's display name and organisation and the time in
/// Asia/Shanghai. The tenant filter decides whose rows, as on the page. Texts: <c>HiddenDangerLedgerExport.*</c> in
/// the Reports area's Messages.resx, in the caller's language.
/// </summary>
public static class ExportHiddenDangerLedger
{
    /// <summary>Rows one export may hold; a larger ledger is narrowed by its filters first.</summary>
    public const int MaxRows = 5_000;

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string PdfContentType = "application/pdf";

    public sealed record Command(ListHiddenDangers.Query Filters, LedgerFileFormat Format);

    public sealed record LedgerFile(byte[] Content, string FileName, string ContentType);

    /// <summary>One row of the file; dates are local (Asia/Shanghai).</summary>
    public sealed record Row(
        string Number, DateOnly ReportedOn, string? Place, string Name, string Description, HiddenDangerLevel Level, HiddenDangerCategory? Category,
        string ReportedBy, string? Measures, string? Rectifier, DateOnly? Deadline, HiddenDangerState State, DateOnly? AcceptedOn, string Enterprise);

    /// <summary>What the file says above its table.</summary>
    /// <param name="ShowEnterprise">A regulator's ledger spans enterprises: each row names its own.</param>
    public sealed record Header(string Scope, string Filters, string RequestedBy, DateTimeOffset GeneratedAt, int Rows, bool ShowEnterprise);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private static readonly ListHiddenDangers.Validator QueryValidator = new();

        /// <exception cref="ValidationException">The period is reversed or the search text too long.</exception>
        /// <exception cref="DomainRuleException">More than <see cref="MaxRows"/> rows match.</exception>
        /// <exception cref="NotFoundException">The enterprise filtered on is not in the actor's scope.</exception>
        public async Task<LedgerFile> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var query = command.Filters;
            await QueryValidator.ValidateAndThrowAsync(query, cancellationToken);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (query.EnterpriseId is { } enterpriseId && !await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, cancellationToken))
            {
                throw new NotFoundException();
            }

            var items = ListHiddenDangers.Handler.Filter(db.HiddenDangers.AsNoTracking(), query, BusinessTime.LocalDate(now));
            var total = await items.CountAsync(cancellationToken);
            if (total > MaxRows)
            {
                throw new DomainRuleException(CoreText.Get("HiddenDangerLedgerExport.TooMany", total, MaxRows));
            }

            var units = db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly);
            var found = await ListHiddenDangers.Handler.Sort(items, query.Sort, query.Descending)
                .Select(h => new
                {
                    h.Number,
                    h.ReportedAt,
                    h.Location,
                    UnitName = units.Where(u => u.Id == h.UnitId).Select(u => u.Name).FirstOrDefault(),
                    h.Name,
                    h.Description,
                    h.Level,
                    h.Category,
                    h.ReportedByName,
                    h.RemediationMeasures,
                    h.RectifierName,
                    h.Deadline,
                    h.State,
                    h.AcceptedAt,
                    Enterprise = db.Enterprises.Where(e => e.Id == h.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                })
                .ToListAsync(cancellationToken);
            var rows = found.Select(r => new Row(
                r.Number, BusinessTime.LocalDate(r.ReportedAt), Place(r.UnitName, r.Location), r.Name, r.Description, r.Level, r.Category, r.ReportedByName,
                r.RemediationMeasures, r.RectifierName, r.Deadline, r.State, r.AcceptedAt is { } accepted ? BusinessTime.LocalDate(accepted) : null, r.Enterprise)).ToList();

            var scope = await ScopeNameAsync(db, actor.Scope, cancellationToken);
            var requester = await DescribeReportRequester.DescribeAsync(db, actor.Scope.UserId, actor.Scope.UserName ?? "", cancellationToken);
            var filters = await DescribeFiltersAsync(db, query, cancellationToken);
            var header = new Header(scope, filters, requester, now, rows.Count, actor.Scope.Kind != TenantScopeKind.Enterprise);
            var content = command.Format == LedgerFileFormat.Xlsx
                ? await LedgerWorkbookWriter.WriteAsync(header, rows, cancellationToken)
                : LedgerPdfWriter.Write(header, rows);
            var stamp = BusinessTime.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            var title = CoreText.Get("HiddenDangerLedgerExport.Title");
            return command.Format == LedgerFileFormat.Xlsx
                ? new LedgerFile(content, $"{title}_{scope}_{stamp}.xlsx", XlsxContentType)
                : new LedgerFile(content, $"{title}_{scope}_{stamp}.pdf", PdfContentType);
        }

        /// <summary>The unit where it was found and the place the finder wrote, whichever are known.</summary>
        private static string? Place(string? unit, string? location) =>
            (unit, location) switch
            {
                (null, _) => location,
                (_, null) => unit,
                _ when string.Equals(unit, location, StringComparison.Ordinal) => unit,
                _ => $"{unit} / {location}",
            };

        private static async Task<string> ScopeNameAsync(DualPreventionDbContext db, TenantScope scope, CancellationToken cancellationToken) => scope switch
        {
            { Kind: TenantScopeKind.Enterprise, EnterpriseId: { } id } =>
                await db.Enterprises.Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? "",
            { RegionCode: { } code } => await db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? code,
            _ => "",
        };

        /// <summary>The filters in words, in the caller's language; "all" when none is set.</summary>
        private static async Task<string> DescribeFiltersAsync(DualPreventionDbContext db, ListHiddenDangers.Query query, CancellationToken cancellationToken)
        {
            var parts = new List<string>();
            if (query.EnterpriseId is { } enterpriseId)
            {
                var name = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
                parts.Add(T("Filter.Enterprise", name ?? enterpriseId.ToString()));
            }

            if (query.States is { Count: > 0 } states)
            {
                parts.Add(T("Filter.States", string.Join("、", states.Distinct().Select(StateName))));
            }

            if (query.Level is { } level)
            {
                parts.Add(T("Filter.Level", HiddenDangerNotice.Level(CultureInfo.CurrentUICulture, level)));
            }

            if (query.Overdue is { } overdue)
            {
                parts.Add(T(overdue ? "Filter.Overdue" : "Filter.NotOverdue"));
            }

            if (query.Source is { } source)
            {
                parts.Add(T("Filter.Source", T($"Source.{source}")));
            }

            if (query.Origin is { } origin)
            {
                parts.Add(T("Filter.Origin", T($"Origin.{origin}")));
            }

            if (query.UnitId is { } unitId)
            {
                var unit = await db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)
                    .Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
                parts.Add(T("Filter.Unit", unit ?? unitId.ToString()));
            }

            if (query.From is { } from)
            {
                parts.Add(T("Filter.From", Date(from)));
            }

            if (query.To is { } to)
            {
                parts.Add(T("Filter.To", Date(to)));
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                parts.Add(T("Filter.Search", query.Search.Trim()));
            }

            return parts.Count == 0 ? T("Filter.None") : string.Join("；", parts);
        }
    }

    public static string StateName(HiddenDangerState state) => CoreText.Get($"HiddenDangerState.{state}");

    public static string CategoryName(HiddenDangerCategory? category) => category is { } c ? T($"Category.{c}") : "";

    public static string LevelName(HiddenDangerLevel level) => HiddenDangerNotice.Level(CultureInfo.CurrentUICulture, level);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static string T(string key, params object?[] args) => CoreText.Get($"HiddenDangerLedgerExport.{key}", args);
}

/// <summary>The files the ledger exports to.</summary>
public enum LedgerFileFormat
{
    Xlsx = 0,
    Pdf = 1,
}
