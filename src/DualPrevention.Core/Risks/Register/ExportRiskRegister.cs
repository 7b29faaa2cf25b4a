using System.Globalization;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// Exports an enterprise's live register as a 风险分级管控清单 workbook in <see cref="RiskRegisterLayout"/>, the
/// layout the importer reads, so that export → import changes nothing. Rows stream from the database into the
/// workbook; memory stays flat however large the register is.
/// </summary>
public static class ExportRiskRegister
{
    /// <summary>Media type of .xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Query(Guid EnterpriseId);

    /// <summary>
    /// One workbook row: a control measure with its event, unit and object. A branch without measures (a unit
    /// with no events yet, an event with no measures yet) has no row: the importer reads a blank lower level as
    /// "same as above", and leaves rows the file does not list alone, so the round trip stays a no-op. The
    /// four-colour overview shows such units.
    /// </summary>
    public sealed record Row(
        string ObjectName,
        string ObjectCode,
        string UnitName,
        string EventName,
        string? AccidentType,
        AssessmentMethod Method,
        decimal? L,
        decimal? S,
        decimal? E,
        decimal? C,
        decimal Score,
        RiskLevel Level,
        DateOnly? IdentifiedOn,
        ControlMeasureDetails Measure,
        string? EmergencyPhone = null,
        string? EmergencyMeasures = null);

    /// <summary>An export ready to be written: the file name, and the writer that streams the rows.</summary>
    public sealed class Workbook
    {
        private readonly Func<Stream, CancellationToken, Task> _write;

        internal Workbook(string fileName, Func<Stream, CancellationToken, Task> write)
        {
            FileName = fileName;
            _write = write;
        }

        /// <summary>风险分级管控清单_&lt;简码&gt;_&lt;yyyyMMdd&gt;.xlsx, dated in Beijing time.</summary>
        public string FileName { get; }

        /// <summary>Writes the .xlsx to <paramref name="output"/>, which may be forward-only (an HTTP response).</summary>
        public Task WriteToAsync(Stream output, CancellationToken cancellationToken) => _write(output, cancellationToken);
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such enterprise in the caller's scope.</exception>
        public async Task<Workbook> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprise = await db.Enterprises.AsNoTracking()
                .Where(e => e.Id == query.EnterpriseId)
                .Select(e => new { e.Name, e.ShortCode })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            var today = BusinessTime.ToLocal(clock.GetUtcNow());
            var fileName = $"风险分级管控清单_{enterprise.ShortCode}_{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
            return new Workbook(fileName, async (output, ct) =>
            {
                await using var rowsDb = await dbFactory.CreateDbContextAsync(ct);
                await RiskRegisterWorkbook.WriteAsync(output, enterprise.Name, Rows(rowsDb, query.EnterpriseId).AsAsyncEnumerable(), ct);
            });
        }

        /// <summary>
        /// The live register of <paramref name="enterpriseId"/> as rows, ordered by object code, unit, event and
        /// measure. Soft-deleted rows, and the children of soft-deleted parents, are left out by the context's filters.
        /// </summary>
        public static IQueryable<Row> Rows(DualPreventionDbContext db, Guid enterpriseId) =>
            from m in db.ControlMeasures.AsNoTracking()
            where m.EnterpriseId == enterpriseId
            join e in db.RiskEvents on m.EventId equals e.Id
            join u in db.RiskAnalysisUnits on e.UnitId equals u.Id
            join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
            orderby o.HazardCode, u.Name, e.Name, m.Description
            select new Row(
                o.Name, o.HazardCode, u.Name, e.Name, e.AccidentType, e.Method, e.L, e.S, e.E, e.C, e.Score, e.Level, e.IdentifiedOn,
                new ControlMeasureDetails(
                    m.Description, m.Classify1, m.Classify2, m.Classify3, m.DataSource, m.InspectionContent, m.CycleValue, m.CycleUnit,
                    m.WorkStartTime, m.WorkEndTime, m.WorkDayType, m.TaskType, m.AccountabilityItemNo, m.ControlLevel,
                    m.ResponsibleDepartment, m.ResponsiblePerson),
                u.EmergencyPhone,
                u.EmergencyMeasures);
    }
}
