using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.ToDos;

/// <summary>
/// 我的待办: the one definition of what a person has to do, read by the to-do centre, the notification bell and
/// <c>GET /api/v1/me/to-dos</c> alike, so the three never disagree. Each kind counts exactly and lists its first
/// <see cref="ItemsPerKind"/> items: checks by window start, hidden dangers newest first (what arrived last is what the
/// person has not seen yet). Everything is read inside the actor's tenant scope.
/// </summary>
public static class ListMyToDos
{
    /// <summary>How many items of one kind the list carries; the count is always the full number.</summary>
    public const int ItemsPerKind = 20;

    /// <param name="Link">App-relative URL of the page that does it.</param>
    /// <param name="At">UTC: a check's window start, a draft's report, a hidden danger's last step, a request's or a posting's time.</param>
    /// <param name="DueAt">UTC: when a check's window closes (null for hidden dangers).</param>
    /// <param name="Deadline">A hidden danger's rectification deadline, a business date (null for checks and drafts).</param>
    public sealed record Item(ToDoKind Kind, Guid Id, string Title, DateTimeOffset At, string Link, DateTimeOffset? DueAt, DateOnly? Deadline);

    public sealed record Group(ToDoKind Kind, int Count, IReadOnlyList<Item> Items);

    /// <summary>The person's to-dos by kind (only the kinds their role has), and the total the bell shows.</summary>
    public sealed record ToDoList(IReadOnlyList<Group> Groups)
    {
        public int Total => Groups.Sum(g => g.Count);
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        public async Task<ToDoList> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var groups = actor.Scope switch
            {
                { Kind: TenantScopeKind.Enterprise, EnterpriseId: { } enterpriseId, UserId: { } userId } =>
                    await EnterpriseAsync(db, actor, enterpriseId, userId, clock.GetUtcNow(), cancellationToken),
                { Kind: TenantScopeKind.Region } => await BureauAsync(db, actor, cancellationToken),
                _ => [],
            };
            return new ToDoList(groups);
        }

        private static async Task<List<Group>> EnterpriseAsync(
            DualPreventionDbContext db, Actor actor, Guid enterpriseId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var groups = new List<Group>();
            var windows = DueWindows.Due(DueWindows.Mine(db, enterpriseId, userId), now, DueWindows.EndOfToday(now));
            var checks = from t in windows
                         join d in db.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on t.DefinitionId equals d.Id
                         join u in db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on t.UnitId equals u.Id
                         select new { t.Id, t.UnitId, t.WindowStart, t.WindowEnd, Title = u.Name + "：" + d.Content };
            groups.Add(await GroupAsync(ToDoKind.ChecksDue, checks.Where(c => c.WindowEnd > now).OrderBy(c => c.WindowStart)
                .Select(c => new Item(ToDoKind.ChecksDue, c.Id, c.Title, c.WindowStart, "inspect/units/" + c.UnitId, (DateTimeOffset?)c.WindowEnd, (DateOnly?)null)), cancellationToken));
            groups.Add(await GroupAsync(ToDoKind.ChecksOverdue, checks.Where(c => c.WindowEnd <= now).OrderBy(c => c.WindowStart)
                .Select(c => new Item(ToDoKind.ChecksOverdue, c.Id, c.Title, c.WindowStart, "inspect/units/" + c.UnitId, (DateTimeOffset?)c.WindowEnd, (DateOnly?)null)), cancellationToken));

            var items = db.HiddenDangers.AsNoTracking().Where(h => h.EnterpriseId == enterpriseId);
            groups.Add(await GroupAsync(ToDoKind.Drafts, items.Where(h => h.State == HiddenDangerState.Draft && h.ReportedByUserId == userId)
                .OrderByDescending(h => h.ReportedAt).Select(h => new Item(ToDoKind.Drafts, h.Id, h.Name, h.ReportedAt, "hidden-dangers/drafts/" + h.Id, (DateTimeOffset?)null, (DateOnly?)null)), cancellationToken));
            var manager = actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer);
            if (manager)
            {
                groups.Add(await HiddenDangerGroupAsync(ToDoKind.ToConfirm, items.Where(h => h.State == HiddenDangerState.PendingConfirmation), cancellationToken));
            }

            groups.Add(await HiddenDangerGroupAsync(ToDoKind.ToRectify, items.Where(h => h.State == HiddenDangerState.Rectifying && h.RectifierUserId == userId), cancellationToken));
            if (manager)
            {
                // docs/domain/dual-prevention.md#66-who-accepts: neither the rectifier nor whoever submitted the rectification.
                var submitted = nameof(HiddenDangerAction.SubmitRectification);
                groups.Add(await HiddenDangerGroupAsync(ToDoKind.ToAccept, items.Where(h => h.State == HiddenDangerState.PendingAcceptance
                    && h.RectifierUserId != userId
                    && db.HiddenDangerHistory.Where(e => e.HiddenDangerId == h.Id && e.Action == submitted)
                        .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.ByUserId).FirstOrDefault() != userId), cancellationToken));

                // docs/domain/dual-prevention.md#67-deadlines-and-extensions: the enterprise decides unless a bureau posted the item.
                groups.Add(await ExtensionGroupAsync(db, items.Where(h => !db.MajorHiddenDangerCases.Any(c => c.HiddenDangerId == h.Id && c.PostedAt != null)), cancellationToken));
                groups.Add(await SupervisedGroupAsync(db, items, null, cancellationToken));
            }

            return groups;
        }

        /// <summary>A bureau's to-dos: extension requests of what it posted, and what it supervises (docs/domain/dual-prevention.md#74-posting).</summary>
        private static async Task<List<Group>> BureauAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
        {
            PostingLevel[] levels = actor.Is(Roles.ProvinceStaff) ? [PostingLevel.Province]
                : actor.Is(Roles.CityReviewer) ? [PostingLevel.City, PostingLevel.County]
                : [];
            if (levels.Length == 0)
            {
                return [];
            }

            var posted = db.HiddenDangers.AsNoTracking()
                .Where(h => db.MajorHiddenDangerCases.Any(c => c.HiddenDangerId == h.Id && c.PostedAt != null && levels.Contains(c.PostingLevel!.Value)));
            return [await ExtensionGroupAsync(db, posted, cancellationToken), await SupervisedGroupAsync(db, posted, levels, cancellationToken)];
        }

        private static Task<Group> HiddenDangerGroupAsync(ToDoKind kind, IQueryable<HiddenDanger> items, CancellationToken cancellationToken) =>
            GroupAsync(kind, items.OrderByDescending(h => h.UpdatedAt).Select(h => new Item(kind, h.Id, h.Name, h.UpdatedAt, "hidden-dangers/" + h.Id, (DateTimeOffset?)null, h.Deadline)), cancellationToken);

        private static Task<Group> ExtensionGroupAsync(DualPreventionDbContext db, IQueryable<HiddenDanger> items, CancellationToken cancellationToken) =>
            GroupAsync(ToDoKind.ExtensionsToDecide,
                from r in db.DeadlineExtensionRequests.AsNoTracking()
                join h in items on r.HiddenDangerId equals h.Id
                where r.Decision == ExtensionDecision.Pending && h.State == HiddenDangerState.Rectifying
                orderby r.RequestedAt descending
                select new Item(ToDoKind.ExtensionsToDecide, h.Id, h.Name, r.RequestedAt, "hidden-dangers/" + h.Id, (DateTimeOffset?)null, h.Deadline),
                cancellationToken);

        private static Task<Group> SupervisedGroupAsync(DualPreventionDbContext db, IQueryable<HiddenDanger> items, PostingLevel[]? levels, CancellationToken cancellationToken)
        {
            var open = HiddenDangerStates.OpenMajor.Members;
            return GroupAsync(ToDoKind.Supervised,
                from h in items
                join c in db.MajorHiddenDangerCases on h.Id equals c.HiddenDangerId
                where c.PostedAt != null && open.Contains(h.State) && (levels == null || levels.Contains(c.PostingLevel!.Value))
                orderby c.PostedAt descending
                select new Item(ToDoKind.Supervised, h.Id, h.Name, c.PostedAt!.Value, "hidden-dangers/" + h.Id, (DateTimeOffset?)null, h.Deadline),
                cancellationToken);
        }

        private static async Task<Group> GroupAsync(ToDoKind kind, IQueryable<Item> items, CancellationToken cancellationToken) =>
            new(kind, await items.CountAsync(cancellationToken), await items.Take(ItemsPerKind).ToListAsync(cancellationToken));
    }
}
