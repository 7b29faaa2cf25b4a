using System.Security.Cryptography;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Imports;

/// <summary>
/// An enterprise's administrator or safety officer imports its historical hidden-danger ledger (隐患排查治理台账,
/// ADR 0008) from an .xlsx or .xls. A dry run (the default) writes nothing and answers the preview; a commit
/// parses the same file again and, when it has no error, inserts every new row in one transaction — all or nothing —
/// with an "Imported" timeline entry each and one audited <see cref="ImportRun"/>. Rows are known by their ledger
/// number (序号/编号, else a hash of date and description): a row already imported is left alone, so importing the
/// same file again changes nothing. Rectifier and reviewer names become the enterprise's accounts when exactly
/// one account has that display name, and stay free text otherwise.
/// </summary>
public static class ImportHiddenDangerLedger
{
    /// <summary>Where the blank ledger template is downloaded, named in a refusal.</summary>
    public const string TemplatePath = "/api/v1/hidden-dangers/ledger-template";

    /// <summary>The timeline action of an imported row.</summary>
    public const string ImportedAction = "Imported";

    /// <param name="File">The workbook's bytes, at most <see cref="ImportLimits.MaxFileBytes"/>.</param>
    /// <param name="FileName">As uploaded, for the import run (at most 260 characters kept).</param>
    /// <param name="Commit">False: preview only. True: write when there is no error.</param>
    /// <param name="Mapping">The user's corrections, normalised header (<see cref="LedgerImportColumn.Key"/>) → <see cref="LedgerColumn"/> name, "" to ignore a column; saved to the enterprise's profile on commit.</param>
    public sealed record Command(byte[] File, string FileName, bool Commit, IReadOnlyDictionary<string, string>? Mapping = null);

    /// <param name="Committed">True when the rows were written.</param>
    /// <param name="FileSha256">Lower-case hex SHA-256 of the file.</param>
    /// <param name="DataRows">Non-blank data rows read over all sheets.</param>
    /// <param name="New">Rows that are (or would be) created.</param>
    /// <param name="Unchanged">Rows whose ledger number the enterprise already has; never overwritten.</param>
    /// <param name="Problems">Errors first, then warnings; at most <see cref="ImportLimits.MaxListedProblems"/>, while the counts cover all.</param>
    /// <param name="SkippedSheets">Sheets not imported (hidden, or without a ledger header), with the reason.</param>
    /// <param name="Columns">Each header cell of each imported sheet and the field it maps to.</param>
    /// <param name="SkippedRows">Title rows above the headers and note rows below them, not read as data.</param>
    public sealed record Result(
        bool Committed, string FileSha256, int DataRows, int New, int Unchanged, int General, int Major, int ErrorCount, int WarningCount,
        IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportRiskControlList.SkippedSheet> SkippedSheets, Guid? ImportRunId,
        IReadOnlyList<LedgerImportColumn> Columns, IReadOnlyList<SkippedRow> SkippedRows);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">
        /// Not an enterprise administrator or safety officer; the file is empty, over 20 MB, not a workbook, unsafe to
        /// unpack, over 100,000 rows or without a ledger header; or another import wrote the same rows meanwhile.
        /// </exception>
        public async Task<Result> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (actor.Scope is not { Kind: TenantScopeKind.Enterprise, EnterpriseId: { } enterpriseId } || !(actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer)))
            {
                throw new ForbiddenException(CoreText.Get("Import.Ledger.NotAllowed"));
            }

            var format = WorkbookGuard.Inspect(command.File, TemplatePath);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.File));
            var sheets = WorkbookReader.Read(command.File, format, TemplatePath);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.RegionCode)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            var profile = await db.ImportMappingProfiles.FirstOrDefaultAsync(p => p.EnterpriseId == enterpriseId && p.Kind == ImportKind.HiddenDangerLedger, cancellationToken);
            var corrections = command.Mapping ?? new Dictionary<string, string>();
            var problems = new ImportProblemLog();
            var parser = new HiddenDangerLedgerParser(problems);
            var (columns, skipped) = ParseSheets(sheets, new LedgerColumnLookup(profile?.Columns ?? [], corrections), parser, problems);
            var write = command.Commit && problems.Errors == 0;
            await using var transaction = write ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (write)
            {
                // Two imports of one enterprise at once would race on the ledger numbers; the second waits and then finds them.
                await AdvisoryLocks.HiddenDangerLedgerImport(enterpriseId).TakeAsync(db, cancellationToken);
            }

            var known = await db.HiddenDangers.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)
                .Where(h => h.EnterpriseId == enterpriseId && h.LedgerNo != null).Select(h => h.LedgerNo!).ToListAsync(cancellationToken);
            var knownNos = known.ToHashSet(StringComparer.Ordinal);
            var fresh = parser.Rows.Where(r => !knownNos.Contains(r.Entry.LedgerNo)).ToList();
            Guid? runId = null;
            if (write)
            {
                var people = await PeopleAsync(db, enterpriseId, cancellationToken);
                var byName = actor.Scope.UserName ?? "";
                var run = ImportRun.Record(enterpriseId, regionCode, ImportKind.HiddenDangerLedger, Truncate(command.FileName, 260), sha256, byName, now,
                    fresh.Count, 0, parser.Rows.Count - fresh.Count);
                foreach (var row in fresh)
                {
                    var entry = row.Entry with { RectifierUserId = people.Find(row.Entry.RectifierName), AccepterUserId = people.Find(row.Entry.AccepterName) };
                    var hiddenDanger = HiddenDanger.FromLedger(entry, enterpriseId, regionCode, actor.Scope.UserId, byName, now);
                    db.HiddenDangers.Add(hiddenDanger);
                    db.HiddenDangerHistory.Add(HiddenDangerHistoryEntry.Record(
                        hiddenDanger, ImportedAction, null, actor.Scope.UserId, byName, $"{Truncate(command.FileName, 200)} {row.Sheet}!{row.Row}", now));

                    // An open major hidden danger belongs on the bureau's list whatever its history
                    // (docs/domain/dual-prevention.md#82-supervision-lists).
                    if (hiddenDanger.Level == HiddenDangerLevel.Major && HiddenDangerStates.Open.Contains(hiddenDanger.State))
                    {
                        db.MajorHiddenDangerCases.Add(MajorHiddenDangerCase.Open(hiddenDanger, now));
                    }
                }

                db.ImportRuns.Add(run);
                if (ImportMappingProfile.Remember(profile, corrections, enterpriseId, regionCode, ImportKind.HiddenDangerLedger, now) is { } created)
                {
                    db.ImportMappingProfiles.Add(created);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    throw new DomainRuleException(CoreText.Get("Import.Ledger.Concurrent"), ex);
                }

                await transaction!.CommitAsync(cancellationToken);
                runId = run.Id;
            }

            return new Result(
                runId is not null, sha256, parser.DataRows, fresh.Count, parser.Rows.Count - fresh.Count,
                fresh.Count(r => r.Entry.Level == HiddenDangerLevel.General), fresh.Count(r => r.Entry.Level == HiddenDangerLevel.Major),
                problems.Errors, problems.Warnings, problems.Listed(), skipped, runId, columns, parser.SkippedRows);
        }

        private static (List<LedgerImportColumn> Columns, List<ImportRiskControlList.SkippedSheet> Skipped) ParseSheets(
            IReadOnlyList<WorkbookSheet> sheets, LedgerColumnLookup lookup, HiddenDangerLedgerParser parser, ImportProblemLog problems)
        {
            var columns = new List<LedgerImportColumn>();
            var skipped = new List<ImportRiskControlList.SkippedSheet>();
            var candidates = new List<string>();
            string? firstSheet = null;
            foreach (var sheet in sheets)
            {
                if (sheet.IsHidden)
                {
                    skipped.Add(new(sheet.Name, CoreText.Get("Import.Sheet.Hidden")));
                    continue;
                }

                if (LedgerHeader.Find(sheet, lookup) is not { } header)
                {
                    var best = LedgerHeader.Best(sheet, lookup);
                    var (recognised, unrecognised) = best is null ? ("", "") : (Recognised(best), Unrecognised(best));
                    skipped.Add(new(sheet.Name, best is null
                        ? CoreText.Get("Import.Sheet.Empty", sheet.Name)
                        : CoreText.Get("Import.Sheet.NoHeaderBest", ImportLimits.HeaderSearchRows, best.RowNumber, recognised, unrecognised)));
                    candidates.Add(best is null
                        ? CoreText.Get("Import.Sheet.Empty", sheet.Name)
                        : CoreText.Get("Import.Sheet.Candidate", sheet.Name, best.RowNumber, recognised, unrecognised));
                    continue;
                }

                firstSheet ??= sheet.Name;
                columns.AddRange(header.Columns);
                parser.Parse(sheet, header);
            }

            if (firstSheet is null)
            {
                throw new DomainRuleException(CoreText.Get("Import.Ledger.NoHeaderBest", string.Join(" ", candidates), TemplatePath));
            }

            if (parser.DataRows == 0)
            {
                problems.Add(new ImportProblem(ImportSeverity.Error, firstSheet, null, null, null, CoreText.Get("Import.NoRows")));
            }

            return (columns, skipped);
        }

        private static string Recognised(LedgerHeader header) =>
            Listed(header.Columns.Where(c => c.Field is not null).Select(c => $"{c.Letter} {c.Header} → {LedgerSynonyms.HeaderOf(c.Field!.Value)}"));

        private static string Unrecognised(LedgerHeader header) => Listed(header.Columns.Where(c => c.Field is null).Select(c => $"{c.Letter} {c.Header}"));

        private static string Listed(IEnumerable<string> items) => string.Join("、", items) is { Length: > 0 } text ? text : CoreText.Get("Import.None");

        private static async Task<People> PeopleAsync(DualPreventionDbContext db, Guid enterpriseId, CancellationToken cancellationToken)
        {
            var accounts = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
            return new People(accounts.GroupBy(a => a.DisplayName.Trim(), StringComparer.Ordinal)
                .Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal));
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
    }

    /// <summary>The enterprise's accounts by display name, only names held by exactly one account.</summary>
    private sealed class People(Dictionary<string, Guid> unique)
    {
        public Guid? Find(string? name) => name is not null && unique.TryGetValue(name.Trim(), out var id) ? id : null;
    }
}
