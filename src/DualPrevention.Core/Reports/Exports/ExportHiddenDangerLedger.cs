using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    /// <summary>Rows a file made at once may hold; a larger ledger is written by a background export (ADR 0035).</summary>
    public const int MaxRows = 5_000;

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string PdfContentType = "application/pdf";

    public sealed record Command(ListHiddenDangers.Query Filters, LedgerFileFormat Format);

    public sealed record LedgerFile(byte[] Content, string FileName, string ContentType);

    /// <summary>Either the file, or the id of the background export that will write it (ADR 0035).</summary>
    public sealed record Result(LedgerFile? File, Guid? ExportId);

    /// <summary>One row of the file; dates are local (Asia/Shanghai).</summary>
    public sealed record Row(
        string Number, DateOnly ReportedOn, string? Place, string Name, string Description, HiddenDangerLevel Level, HiddenDangerCategory? Category,
        string ReportedBy, string? Measures, string? Rectifier, DateOnly? Deadline, HiddenDangerState State, DateOnly? AcceptedOn, string Enterprise);

    /// <summary>What the file says above its table.</summary>
    /// <param name="ShowEnterprise">A regulator's ledger spans enterprises: each row names its own.</param>
    public sealed record Header(string Scope, string Filters, string RequestedBy, DateTimeOffset GeneratedAt, int Rows, bool ShowEnterprise);

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory, IReportExportScheduler scheduler, IOptions<ReportExportLimits> limits, TimeProvider clock)
    {
        private static readonly ListHiddenDangers.Validator QueryValidator = new();

        /// <summary>
        /// The file at once for at most <see cref="MaxRows"/> rows; a larger ledger is queued as a background export
        /// (ADR 0035) and the result carries the export's id instead.
        /// </summary>
        /// <exception cref="ValidationException">The period is reversed or the search text too long.</exception>
        /// <exception cref="NotFoundException">The enterprise filtered on is not in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">More than <see cref="MaxRows"/> rows match for the system scope (a job's, never a person's: administrators hold the province's scope), which has no region to queue under.</exception>
        /// <exception cref="QuotaExceededException">A large ledger, and the caller already has the most exports queued or running (ADR 0021).</exception>
        public async Task<Result> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var query = command.Filters;
            await QueryValidator.ValidateAndThrowAsync(query, cancellationToken);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (query.EnterpriseId is { } enterpriseId && !await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, cancellationToken))
            {
                throw new NotFoundException();
            }

            var total = await ListHiddenDangers.Handler.Filter(db.HiddenDangers.AsNoTracking(), query, BusinessTime.LocalDate(now)).CountAsync(cancellationToken);
            var format = command.Format == LedgerFileFormat.Xlsx ? ReportFormat.Xlsx : ReportFormat.Pdf;
            var scopeName = await ScopeNameAsync(db, actor.Scope, cancellationToken);
            if (total > MaxRows)
            {
                // Named in the language the job writes the file in: the requester's.
                var culture = await DescribeReportRequester.CultureAsync(db, actor.Scope.UserId, cancellationToken);
                var queuedName = FileName(scopeName, format, now, culture);
                return new Result(null, await QueueAsync(db, actor, query, format, queuedName, total, now, cancellationToken));
            }

            var fileName = FileName(scopeName, format, now, CultureInfo.CurrentUICulture);
            using var content = new MemoryStream();
            await WriteAsync(db, actor.Scope, query, format, now, content, static (_, _) => Task.CompletedTask, cancellationToken);
            return new Result(new LedgerFile(content.ToArray(), fileName, ReportFiles.ContentType(format)), null);
        }

        private async Task<Guid> QueueAsync(
            DualPreventionDbContext db, Actor actor, ListHiddenDangers.Query query, ReportFormat format, string fileName, int total, DateTimeOffset now,
            CancellationToken cancellationToken)
        {
            // The export belongs to the requester's own scope, so only that scope (and the regions above it) sees it.
            var enterprise = actor.Scope.Kind == TenantScopeKind.Enterprise
                ? await db.Enterprises.Where(e => e.Id == actor.Scope.EnterpriseId).Select(e => new { e.Id, e.RegionCode }).SingleAsync(cancellationToken)
                : null;
            var regionCode = enterprise?.RegionCode ?? actor.Scope.RegionCode
                ?? throw new DomainRuleException(CoreText.Get("HiddenDangerLedgerExport.TooMany", total, MaxRows));
            var export = ReportExport.RequestLedger(
                enterprise?.Id, regionCode, JsonSerializer.Serialize(query with { Page = 1 }, QueryJson), format, fileName, total, actor.Scope.UserId,
                actor.Scope.UserName ?? "", now);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ReportExportQuota.CheckAsync(db, actor.Scope.UserId, limits.Value, cancellationToken);
            db.ReportExports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            scheduler.Enqueue(export.Id);
            return export.Id;
        }
    }

    /// <summary>How a queued export keeps its filters (<see cref="ReportExport.LedgerQuery"/>).</summary>
    internal static readonly JsonSerializerOptions QueryJson = new(JsonSerializerDefaults.Web);

    /// <summary>e.g. 隐患排查治理台账_青岛示范石化有限公司_20261206-2130.xlsx, the title in <paramref name="culture"/>.</summary>
    internal static string FileName(string scope, ReportFormat format, DateTimeOffset now, CultureInfo culture) =>
        $"{CoreText.Messages.Find("HiddenDangerLedgerExport.Title", culture)}_{scope}_{BusinessTime.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{ReportFiles.Extension(format)}";

    /// <summary>
    /// Writes the ledger of <paramref name="scope"/> (the context's tenant scope decides whose rows) to
    /// <paramref name="output"/>, row by row from the database: never all rows in memory. The PDF reads the rows twice
    /// (layout, then drawing) inside one repeatable-read transaction, so both passes see the same rows.
    /// <paramref name="progress"/> is told the rows written every <see cref="ProgressEvery"/> rows.
    /// </summary>
    internal static async Task WriteAsync(
        DualPreventionDbContext db, TenantScope scope, ListHiddenDangers.Query query, ReportFormat format, DateTimeOffset now, Stream output,
        Func<int, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var total = await ListHiddenDangers.Handler.Filter(db.HiddenDangers.AsNoTracking(), query, BusinessTime.LocalDate(now)).CountAsync(cancellationToken);
        var requester = await DescribeReportRequester.DescribeAsync(db, scope.UserId, scope.UserName ?? "", cancellationToken);
        var header = new Header(
            await ScopeNameAsync(db, scope, cancellationToken), await DescribeFiltersAsync(db, query, cancellationToken), requester, now, total,
            scope.Kind != TenantScopeKind.Enterprise);
        if (format == ReportFormat.Xlsx)
        {
            await LedgerWorkbookWriter.WriteAsync(output, header, Counted(Rows(db, query, now, cancellationToken), progress, cancellationToken), cancellationToken);
        }
        else
        {
            await LedgerPdfWriter.WriteAsync(output, header, drawing => drawing ? Counted(Rows(db, query, now, cancellationToken), progress, cancellationToken) : Rows(db, query, now, cancellationToken), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rows between two progress reports of a background export.</summary>
    public const int ProgressEvery = 1_000;

    private static async IAsyncEnumerable<Row> Counted(
        IAsyncEnumerable<Row> rows, Func<int, CancellationToken, Task> progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
            if (++written % ProgressEvery == 0)
            {
                await progress(written, cancellationToken);
            }
        }
    }

    /// <summary>The ledger's rows in the query's order, streamed from the database.</summary>
    private static async IAsyncEnumerable<Row> Rows(
        DualPreventionDbContext db, ListHiddenDangers.Query query, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = ListHiddenDangers.Handler.Filter(db.HiddenDangers.AsNoTracking(), query, BusinessTime.LocalDate(now));
        var units = db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly);
        var found = ListHiddenDangers.Handler.Sort(items, query.Sort, query.Descending)
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
            .AsAsyncEnumerable();
        await foreach (var r in found.WithCancellation(cancellationToken))
        {
            yield return new Row(
                r.Number, BusinessTime.LocalDate(r.ReportedAt), Place(r.UnitName, r.Location), r.Name, r.Description, r.Level, r.Category, r.ReportedByName,
                r.RemediationMeasures, r.RectifierName, r.Deadline, r.State, r.AcceptedAt is { } accepted ? BusinessTime.LocalDate(accepted) : null, r.Enterprise);
        }
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
