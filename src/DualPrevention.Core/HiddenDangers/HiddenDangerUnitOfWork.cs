using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>What every hidden-danger command does around its transition: load inside the tenant scope, name people, check criteria.</summary>
internal static class HiddenDangerUnitOfWork
{
    /// <summary>The tracked row, its case, whether an extension is pending and, pending acceptance, who submitted the rectification.</summary>
    /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
    public static async Task<HiddenDangerSituation> LoadAsync(DualPreventionDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var hiddenDanger = await db.HiddenDangers.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new NotFoundException(CoreText.Get("HiddenDanger.NotFound"));
        var majorCase = await db.MajorHiddenDangerCases.FirstOrDefaultAsync(c => c.HiddenDangerId == id, cancellationToken);
        var pending = await db.DeadlineExtensionRequests.AnyAsync(r => r.HiddenDangerId == id && r.Decision == ExtensionDecision.Pending, cancellationToken);
        var submitter = hiddenDanger.State == HiddenDangerState.PendingAcceptance ? await SubmitterAsync(db, id, cancellationToken) : null;
        return new HiddenDangerSituation(hiddenDanger, majorCase, pending, submitter);
    }

    /// <summary>
    /// Who submitted the rectification now pending acceptance: the actor of the latest submission in the timeline, which
    /// the row itself does not keep (it names only the assigned rectifier).
    /// </summary>
    private static Task<HiddenDangerPerson?> SubmitterAsync(DualPreventionDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.HiddenDangerHistory
            .Where(e => e.HiddenDangerId == id && e.Action == nameof(HiddenDangerAction.SubmitRectification))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new HiddenDangerPerson(e.ByUserId, e.ByName))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Loads and checks that <paramref name="actor"/> may take <paramref name="action"/> now.</summary>
    /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
    /// <exception cref="DomainRuleException">The action is illegal now or not the actor's.</exception>
    public static async Task<HiddenDangerSituation> LoadForAsync(DualPreventionDbContext db, Actor actor, Guid id, HiddenDangerAction action, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(db, id, cancellationToken);
        HiddenDangerPermissions.Ensure(actor, situation, action);
        return situation;
    }

    /// <summary>The actor as a signing person, with the account's display name.</summary>
    public static async Task<HiddenDangerPerson> PersonAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var displayName = actor.Scope.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return HiddenDangerPermissions.Person(actor, displayName);
    }

    /// <summary>An account of the enterprise, as a person (accounts carry no row-level security, so the enterprise is checked here).</summary>
    /// <exception cref="DomainRuleException">No such account in the enterprise.</exception>
    public static async Task<HiddenDangerPerson> StaffAsync(DualPreventionDbContext db, Guid enterpriseId, Guid userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.Where(u => u.Id == userId && u.EnterpriseId == enterpriseId)
            .Select(u => new { u.DisplayName, u.UserName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException(CoreText.Get("HiddenDanger.RectifierNotStaff"));
        return new HiddenDangerPerson(userId, string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? "" : account.DisplayName);
    }

    /// <summary>Every ticked number (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria) must be an item of the criteria version (seeded reference rows).</summary>
    /// <exception cref="DomainRuleException">A number is not an item of that version.</exception>
    public static async Task EnsureKnownCriteriaAsync(DualPreventionDbContext db, MajorGrading? grading, CancellationToken cancellationToken)
    {
        if (grading is null || grading.CriterionNos.Count == 0)
        {
            return;
        }

        var nos = grading.CriterionNos.Distinct().ToList();
        var known = await db.MajorHiddenDangerCriteria.CountAsync(c => c.Version == grading.Version && nos.Contains(c.No), cancellationToken);
        if (known != nos.Count)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.UnknownCriterion", grading.Version));
        }
    }

    /// <summary>
    /// Saves a step over the row loaded by <see cref="LoadAsync"/>: the update names the row's <see cref="HiddenDanger.Version"/>,
    /// so of two users taking a step on the same item at once only the first is saved, with its timeline entry.
    /// </summary>
    /// <exception cref="DomainRuleException">Someone changed the hidden danger since it was loaded; nothing was saved.</exception>
    public static async Task SaveAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.Concurrency"), ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race on a unique key, e.g. the one pending extension request per item (ADR 0016).
            throw new ConflictException(CoreText.Get("HiddenDanger.Concurrency"), ex);
        }
    }

    /// <summary>
    /// A major hidden danger is reported to the bureau the moment it is registered
    /// (docs/domain/dual-prevention.md#71-reporting): its case opens then, so the bureau's list shows it at once.
    /// </summary>
    public static void OpenCaseIfMajor(DualPreventionDbContext db, HiddenDangerSituation situation, DateTimeOffset now)
    {
        if (situation.HiddenDanger.Level == HiddenDangerLevel.Major && situation.Case is null
            && situation.HiddenDanger.State != HiddenDangerState.Draft)
        {
            db.MajorHiddenDangerCases.Add(MajorHiddenDangerCase.Open(situation.HiddenDanger, now));
        }
    }

    /// <summary>Saves a new report with its first timeline entry, for a major one its case, and the confirmers' notifications.</summary>
    public static async Task<Guid> AddReportAsync(
        DualPreventionDbContext db, HiddenDangerNotifications notifications, Actor actor, (HiddenDanger HiddenDanger, HiddenDangerHistoryEntry Entry) report,
        CancellationToken cancellationToken)
    {
        var now = report.Entry.At;
        db.HiddenDangers.Add(report.HiddenDanger);
        db.HiddenDangerHistory.Add(report.Entry);
        OpenCaseIfMajor(db, new HiddenDangerSituation(report.HiddenDanger, null, false, null), now);

        // The database numbers the row at insert (ADR 0032) and the notice names that number: saved in two steps, one
        // transaction — the caller's where it has one (the demo story writes in one transaction).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var notified = await notifications.AddReportedAsync(db, actor, report.HiddenDanger, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        notifications.Signal(notified);
        return report.HiddenDanger.Id;
    }
}
