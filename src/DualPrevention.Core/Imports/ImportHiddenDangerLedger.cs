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
    /// <summary>The timeline action of an imported row.</summary>
    public const string ImportedAction = "Imported";

    /// <param name="File">The workbook's bytes, at most <see cref="ImportLimits.MaxFileBytes"/>.</param>
    /// <param name="FileName">As uploaded, for the import run (at most 260 characters kept).</param>
    /// <param name="Commit">False: preview only. True: write when there is no error.</param>
    public sealed record Command(byte[] File, string FileName, bool Commit);

    /// <param name="Committed">True when the rows were written.</param>
    /// <param name="FileSha256">Lower-case hex SHA-256 of the file.</param>
    /// <param name="DataRows">Non-blank data rows read over all sheets.</param>
    /// <param name="New">Rows that are (or would be) created.</param>
    /// <param name="Unchanged">Rows whose ledger number the enterprise already has; never overwritten.</param>
    /// <param name="Problems">Errors first, then warnings; at most <see cref="ImportLimits.MaxListedProblems"/>, while the counts cover all.</param>
    /// <param name="SkippedSheets">Sheets not imported (hidden, or without a ledger header), with the reason.</param>
    public sealed record Result(
        bool Committed, string FileSha256, int DataRows, int New, int Unchanged, int General, int Major, int ErrorCount, int WarningCount,
        IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportRiskControlList.SkippedSheet> SkippedSheets, Guid? ImportRunId);

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
                throw new DomainRuleException(CoreText.Get("Import.Ledger.NotAllowed"));
            }

            var format = WorkbookGuard.Inspect(command.File);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.File));
            var problems = new ImportProblemLog();
            var parser = new HiddenDangerLedgerParser(problems);
            var skipped = ParseSheets(WorkbookReader.Read(command.File, format), parser, problems);

            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.RegionCode)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
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
                problems.Errors, problems.Warnings, problems.Listed(), skipped, runId);
        }

        private static List<ImportRiskControlList.SkippedSheet> ParseSheets(IReadOnlyList<WorkbookSheet> sheets, HiddenDangerLedgerParser parser, ImportProblemLog problems)
        {
            var skipped = new List<ImportRiskControlList.SkippedSheet>();
            string? firstSheet = null;
            foreach (var sheet in sheets)
            {
                if (sheet.IsHidden)
                {
                    skipped.Add(new(sheet.Name, CoreText.Get("Import.Sheet.Hidden")));
                    continue;
                }

                if (LedgerHeader.Find(sheet) is not { } header)
                {
                    skipped.Add(new(sheet.Name, CoreText.Get("Import.Sheet.NoHeader", ImportLimits.HeaderSearchRows)));
                    continue;
                }

                firstSheet ??= sheet.Name;
                parser.Parse(sheet, header);
            }

            if (firstSheet is null)
            {
                throw new DomainRuleException(CoreText.Get("Import.Ledger.NoHeader", ImportLimits.HeaderSearchRows));
            }

            if (parser.DataRows == 0)
            {
                problems.Add(new ImportProblem(ImportSeverity.Error, firstSheet, null, null, null, CoreText.Get("Import.NoRows")));
            }

            return skipped;
        }

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
