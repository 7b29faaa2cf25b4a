using System.Security.Cryptography;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Imports;

/// <summary>
/// An enterprise's administrator or safety officer imports its risk-control list (风险分级管控清单) from an .xlsx or
/// .xls (ADR 0006). Without <see cref="Command.Commit"/> it is a dry run that writes nothing and answers the
/// preview; with it, the same file is parsed again and, when it has no error, written in one transaction —
/// all or nothing — upserting by natural key, with assessment history for new or changed assessments and one
/// audited <see cref="ImportRun"/>. Stateless: uploads are never stored.
/// </summary>
public static class ImportRiskControlList
{
    /// <summary>Where the blank template is downloaded (RiskRegisterImportEndpoints), named in a refusal.</summary>
    public const string TemplatePath = "/api/v1/risk-register/template";

    /// <param name="File">The workbook's bytes, at most <see cref="ImportLimits.MaxFileBytes"/>.</param>
    /// <param name="FileName">As uploaded, for the import run (at most 260 characters kept).</param>
    /// <param name="Commit">False: preview only. True: write when there is no error.</param>
    /// <param name="Mapping">The user's corrections, normalised header (<see cref="ImportColumn.Key"/>) → <see cref="RegisterColumn"/> name, "" to ignore a column; saved to the enterprise's profile on commit.</param>
    /// <param name="ExpectedSha256">The <see cref="Result.FileSha256"/> of the preview being committed; a different file is refused.</param>
    /// <param name="Answers">Answers to the preview's <see cref="Result.Questions"/>: a value for all rows of a sheet that lacks its column.</param>
    public sealed record Command(
        byte[] File, string FileName, bool Commit, IReadOnlyDictionary<string, string>? Mapping = null, string? ExpectedSha256 = null,
        IReadOnlyList<ImportAnswer>? Answers = null);

    /// <summary>A sheet that was not imported, and why (in the current UI culture).</summary>
    public sealed record SkippedSheet(string Sheet, string Reason);

    /// <param name="Committed">True when the rows were written.</param>
    /// <param name="FileSha256">Lower-case hex SHA-256 of the file; pass it back to commit exactly this file.</param>
    /// <param name="DataRows">Data rows (measures) read over all sheets.</param>
    /// <param name="Assessments">Assessment history rows written (or to be written).</param>
    /// <param name="Problems">Errors first, then warnings; at most <see cref="ImportLimits.MaxListedProblems"/>, while the counts cover all.</param>
    /// <param name="Columns">Each header cell of each imported sheet and the field it maps to.</param>
    /// <param name="SkippedRows">Title rows above the headers and note rows below them, not read as data.</param>
    /// <param name="Questions">Values sheets lack for all their rows; a required one without an answer blocks the commit.</param>
    public sealed record Result(
        bool Committed,
        string FileSha256,
        int DataRows,
        LevelCounts Objects,
        LevelCounts Units,
        LevelCounts Events,
        LevelCounts Measures,
        int Assessments,
        int ErrorCount,
        int WarningCount,
        IReadOnlyList<ImportProblem> Problems,
        IReadOnlyList<ImportColumn> Columns,
        IReadOnlyList<SkippedSheet> SkippedSheets,
        Guid? ImportRunId,
        IReadOnlyList<SkippedRow> SkippedRows,
        IReadOnlyList<ImportQuestion> Questions);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">
        /// Not an enterprise administrator or safety officer; the file is empty, over 20 MB, not a workbook, unsafe
        /// to unpack, over 100,000 rows, without a recognisable header, or not the previewed file; or the register
        /// changed during the commit.
        /// </exception>
        public async Task<Result> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (actor.Scope is not { Kind: TenantScopeKind.Enterprise, EnterpriseId: { } enterpriseId } || !(actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer)))
            {
                throw new ForbiddenException(CoreText.Get("Import.NotAllowed"));
            }

            var format = WorkbookGuard.Inspect(command.File, TemplatePath);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.File));
            if (command.ExpectedSha256 is { Length: > 0 } expected && !expected.Equals(sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainRuleException(CoreText.Get("Import.File.Changed"));
            }

            var sheets = WorkbookReader.Read(command.File, format, TemplatePath);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new { e.Id, e.RegionCode })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            var profile = await db.ImportMappingProfiles.FirstOrDefaultAsync(p => p.EnterpriseId == enterpriseId && p.Kind == ImportKind.RiskRegister, cancellationToken);
            var corrections = command.Mapping ?? new Dictionary<string, string>();
            var lookup = new ColumnLookup(profile?.Columns ?? [], corrections);

            var bands = new Dictionary<AssessmentMethod, RiskBandTable>();
            foreach (var method in Enum.GetValues<AssessmentMethod>())
            {
                bands[method] = await BandTables.InForceAsync(db, method, enterprise.RegionCode, now, cancellationToken);
            }

            var problems = new ImportProblemLog();
            var questions = new ImportQuestions(command.Answers ?? []);
            var parser = new RiskRegisterParser(bands, problems, questions);
            var (columns, skipped) = ParseSheets(sheets, lookup, parser, problems);
            var existing = await ExistingRegister.LoadAsync(db, enterpriseId, cancellationToken);
            var assessedBy = actor.Scope.UserName ?? "";
            var rules = await DirectJudgementRules.InForceAsync(db, enterprise.RegionCode, now, cancellationToken);
            var sourceLevels = await db.MajorHazardSources.Where(m => m.EnterpriseId == enterpriseId).ToDictionaryAsync(m => m.Id, m => m.Level, cancellationToken);
            var changes = new RegisterMerge(enterpriseId, enterprise.RegionCode, assessedBy, now, rules, sourceLevels).Plan(parser.Draft, existing);

            Guid? runId = null;
            if (command.Commit && problems.Errors == 0 && !questions.Unanswered)
            {
                var run = ImportRun.Record(enterpriseId, enterprise.RegionCode, ImportKind.RiskRegister, Truncate(command.FileName, 260), sha256, assessedBy, now,
                    changes.Created, changes.Updated, changes.Unchanged);
                await WriteAsync(db, changes, run, profile, corrections, enterpriseId, enterprise.RegionCode, now, cancellationToken);
                runId = run.Id;
            }

            return new Result(
                runId is not null, sha256, parser.DataRows, changes.ObjectCounts, changes.UnitCounts, changes.EventCounts, changes.MeasureCounts,
                changes.Assessments.Count, problems.Errors, problems.Warnings, problems.Listed(), columns, skipped, runId, parser.SkippedRows, questions.List());
        }

        private static (List<ImportColumn> Columns, List<SkippedSheet> Skipped) ParseSheets(
            IReadOnlyList<WorkbookSheet> sheets, ColumnLookup lookup, RiskRegisterParser parser, ImportProblemLog problems)
        {
            var columns = new List<ImportColumn>();
            var skipped = new List<SkippedSheet>();
            var candidates = new List<string>();
            string? firstSheet = null;
            foreach (var sheet in sheets)
            {
                if (sheet.IsHidden)
                {
                    skipped.Add(new SkippedSheet(sheet.Name, CoreText.Get("Import.Sheet.Hidden")));
                    continue;
                }

                if (SheetHeader.Find(sheet, lookup) is not { } header)
                {
                    var best = SheetHeader.Best(sheet, lookup);
                    skipped.Add(new SkippedSheet(sheet.Name, best is null
                        ? CoreText.Get("Import.Sheet.Empty", sheet.Name)
                        : CoreText.Get("Import.Sheet.NoHeaderBest", ImportLimits.HeaderSearchRows, best.RowNumber, Recognised(best), Unrecognised(best))));
                    candidates.Add(best is null
                        ? CoreText.Get("Import.Sheet.Empty", sheet.Name)
                        : CoreText.Get("Import.Sheet.Candidate", sheet.Name, best.RowNumber, Recognised(best), Unrecognised(best)));
                    continue;
                }

                firstSheet ??= sheet.Name;
                columns.AddRange(header.Columns);
                parser.Parse(sheet, header);
            }

            if (firstSheet is null)
            {
                throw new DomainRuleException(CoreText.Get("Import.File.NoHeaderBest", string.Join(" ", candidates), TemplatePath));
            }

            if (parser.DataRows == 0)
            {
                problems.Add(new ImportProblem(ImportSeverity.Error, firstSheet, null, null, null, CoreText.Get("Import.NoRows")));
            }

            return (columns, skipped);
        }

        private static async Task WriteAsync(
            DualPreventionDbContext db, RegisterChanges changes, ImportRun run, ImportMappingProfile? profile, IReadOnlyDictionary<string, string> corrections,
            Guid enterpriseId, string regionCode, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Two imports of one enterprise at once would race on the natural keys; the second waits for the first.
            await AdvisoryLocks.RiskRegisterImport(enterpriseId).TakeAsync(db, cancellationToken);
            try
            {
                await RegisterBulkWriter.UpsertAsync(db, changes.Objects, cancellationToken);
                await RegisterBulkWriter.UpsertAsync(db, changes.Units, cancellationToken);
                await RegisterBulkWriter.UpsertAsync(db, changes.Events, cancellationToken);
                await RegisterBulkWriter.UpsertAsync(db, changes.Assessments, cancellationToken);
                await RegisterBulkWriter.UpsertAsync(db, changes.Measures, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new DomainRuleException(CoreText.Get("Import.Concurrent"), ex);
            }

            db.ImportRuns.Add(run);
            if (ImportMappingProfile.Remember(profile, corrections, enterpriseId, regionCode, ImportKind.RiskRegister, now) is { } created)
            {
                db.ImportMappingProfiles.Add(created);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        private static string Recognised(SheetHeader header) =>
            Listed(header.Columns.Where(c => c.Field is not null).Select(c => $"{c.Letter} {c.Header} → {RiskRegisterLayout.HeaderOf(c.Field!.Value)}"));

        private static string Unrecognised(SheetHeader header) => Listed(header.Columns.Where(c => c.Field is null).Select(c => $"{c.Letter} {c.Header}"));

        private static string Listed(IEnumerable<string> items) => string.Join("、", items) is { Length: > 0 } text ? text : CoreText.Get("Import.None");

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
    }
}
