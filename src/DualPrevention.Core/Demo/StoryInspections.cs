using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Demo;

/// <summary>
/// Replays the inspection side of the story day by day inside the story's transaction, through the product's own
/// paths: the generation job's batch at each day's start (<see cref="GenerateInspectionTasks.GenerateAsync"/>), the
/// safety officer's plan (<see cref="InspectionTaskDefinition.Plan"/>), each check as
/// <see cref="SubmitInspectionRecord"/> writes it (<see cref="InspectionRecord.Create"/>, completing the window when
/// on time, a draft hidden danger for 存在隐患), the closing job at each day's end
/// (<see cref="CloseInspectionWindows.CloseAsync"/>) and a 停用检修 record with its window sync. The handlers
/// themselves are not called because each commits its own transaction.
/// </summary>
internal sealed class StoryInspections(DualPreventionDbContext db, IReadOnlyList<StoryCompany> companies, DateOnly firstDay, DateTimeOffset now)
{
    private readonly Dictionary<Guid, StoryCompany> _companies = companies.ToDictionary(c => c.Id);
    private readonly Dictionary<Guid, Random> _random = companies.ToDictionary(c => c.Id, c => new Random(c.Part.Seed));
    private readonly Guid[] _ids = [.. companies.Select(c => c.Id)];
    private readonly Dictionary<Guid, WindowPlan> _plans = [];
    private readonly HashSet<Guid> _lateRecorded = [];
    private Dictionary<Guid, (InspectionTaskDefinition Definition, string Unit)> _definitions = [];

    /// <summary>The draft each inspection finding opened, with the instant of its record.</summary>
    public Dictionary<StoryFinding, (Guid Id, DateTimeOffset FoundAt)> Drafts { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Day 0: the first generation at 08:00, the safety officer assigns the tasks, the next run makes them again.
        var start = StoryDays.At(firstDay, 0, 8, 0);
        await GenerateInspectionTasks.GenerateAsync(db, _ids, start, syncRegister: true, cancellationToken);
        var planned = start.AddMinutes(10);
        await PlanAsync(planned, cancellationToken);
        await GenerateInspectionTasks.GenerateAsync(db, _ids, planned, syncRegister: false, cancellationToken);
        await LoadDefinitionsAsync(cancellationToken);
        for (var day = 0; day <= StoryScript.Days; day++)
        {
            var dayStart = day == 0 ? planned : StoryDays.At(firstDay, day, 0, 0);
            if (day > 0)
            {
                await GenerateInspectionTasks.GenerateAsync(db, _ids, dayStart, syncRegister: false, cancellationToken);
            }

            var dayEnd = Min(StoryDays.At(firstDay, day + 1, 0, 0), now);
            await CheckOnTimeAsync(day, dayStart, dayEnd, cancellationToken);
            await CloseInspectionWindows.CloseAsync(db, dayEnd, cancellationToken);
            await CheckLateAsync(dayEnd, cancellationToken);
            if (day == StoryScript.Stop.RecordedOn)
            {
                await StopUnitAsync(cancellationToken);
            }
        }

        // Today's run also brings the definitions in step with the register as it is now.
        await GenerateInspectionTasks.GenerateAsync(db, _ids, now, syncRegister: true, cancellationToken);
    }

    /// <summary>As <see cref="PlanInspectionTask"/>: routine tasks to the inspector, 包保 tasks to the source's person of their role; planned windows go.</summary>
    private async Task PlanAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var definitions = await db.InspectionTaskDefinitions.Where(d => _ids.Contains(d.EnterpriseId)).ToListAsync(cancellationToken);
        foreach (var definition in definitions)
        {
            var company = _companies[definition.EnterpriseId];
            var assignee = company.CheckerOf(definition.TaskType);
            definition.Plan(new InspectionTaskPlan(definition.FirstStartAt, InspectionSource.Routine, assignee.UserId, null), at);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.InspectionTasks.Where(t => _ids.Contains(t.EnterpriseId) && t.Status == InspectionTaskStatus.Planned).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task LoadDefinitionsAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from d in db.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).AsNoTracking()
                join u in db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on d.UnitId equals u.Id
                where _ids.Contains(d.EnterpriseId)
                select new { Definition = d, Unit = u.Name })
            .ToListAsync(cancellationToken);
        _definitions = rows.ToDictionary(r => r.Definition.Id, r => (r.Definition, r.Unit));
    }

    /// <summary>The checks made inside their windows during the day; the day's findings are forced onto a window of their unit.</summary>
    private async Task CheckOnTimeAsync(int day, DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken cancellationToken)
    {
        var windows = Ordered(await db.InspectionTasks
            .Where(t => _ids.Contains(t.EnterpriseId)
                        && InspectionTaskStates.Unfinished.Members.Contains(t.Status)
                        && t.WindowStart < dayEnd)
            .ToListAsync(cancellationToken));
        var findings = AssignFindings(day, dayStart, dayEnd, windows);
        foreach (var window in windows)
        {
            if (!_plans.TryGetValue(window.Id, out var plan))
            {
                plan = Decide(window, dayStart);
                _plans[window.Id] = plan;
            }

            if (plan.Outcome == Outcome.OnTime && plan.At < dayEnd)
            {
                Check(window, plan.At, findings.GetValueOrDefault(window.Id));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Late checks of windows the closing job has marked 漏检: kept as late records, completing nothing.</summary>
    private async Task CheckLateAsync(DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        var due = _plans.Where(p => p.Value.Outcome == Outcome.Late && p.Value.WindowEnd <= closedAt && p.Value.At < now && !_lateRecorded.Contains(p.Key))
            .Select(p => p.Key).ToList();
        _lateRecorded.UnionWith(due);
        if (due.Count == 0)
        {
            return;
        }

        foreach (var window in Ordered(await db.InspectionTasks.Where(t => due.Contains(t.Id)).ToListAsync(cancellationToken)))
        {
            Check(window, _plans[window.Id].At, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Check(InspectionTask window, DateTimeOffset at, StoryFinding? finding)
    {
        var (definition, _) = _definitions[window.DefinitionId];
        var company = _companies[window.EnterpriseId];
        var person = company.CheckerOf(window.TaskType);
        var check = new InspectionCheck(
            SubmissionId(_random[window.EnterpriseId]), finding is null ? InspectionResult.Normal : InspectionResult.HiddenDangerFound, finding?.Name, null,
            RecordChannel.MobileWeb, null);
        var record = InspectionRecord.Create(window, definition, check, new InspectionInspector(person.UserId, person.DisplayName), at);
        db.InspectionRecords.Add(record);
        if (!record.IsLate)
        {
            window.Complete(record.Id);
        }

        if (finding is not null)
        {
            var draft = HiddenDanger.DraftFromRecord(record, definition, at);
            db.HiddenDangers.Add(draft);
            record.OpenedHiddenDanger(draft.Id);
            Drafts[finding] = (draft.Id, at);
        }
    }

    /// <summary>Each inspection finding of the day goes to the first open window of its unit that can be checked between 09:00 and 18:00.</summary>
    /// <exception cref="InvalidOperationException">The script names a unit with no such window that day.</exception>
    private Dictionary<Guid, StoryFinding> AssignFindings(int day, DateTimeOffset dayStart, DateTimeOffset dayEnd, List<InspectionTask> windows)
    {
        var assigned = new Dictionary<Guid, StoryFinding>();
        var office = (From: StoryDays.At(firstDay, day, 9, 0), To: StoryDays.At(firstDay, day, 18, 0));
        foreach (var finding in StoryScript.Findings.Where(f => f.Day == day && f.Origin == StoryOrigin.Inspection))
        {
            var company = companies.Single(c => c.Part.Code == finding.Code);
            var (window, at) = windows
                .Where(w => w.EnterpriseId == company.Id && !assigned.ContainsKey(w.Id) && _definitions[w.DefinitionId].Unit.Contains(finding.Unit, StringComparison.Ordinal))
                .Select(w => (Window: w, At: Max(Max(w.WindowStart, dayStart), office.From).AddMinutes(20)))
                .FirstOrDefault(c => c.At < c.Window.WindowEnd && c.At < dayEnd && c.At < office.To);
            if (window is null)
            {
                throw new InvalidOperationException($"The demo story finds no window of {finding.Unit} at {finding.Code} on day {day}.");
            }

            assigned[window.Id] = finding;
            _plans[window.Id] = new WindowPlan(Outcome.OnTime, at, window.WindowEnd);
        }

        return assigned;
    }

    /// <summary>Whether the window is checked on time (and when), late (and when) or never, by the enterprise's discipline.</summary>
    private WindowPlan Decide(InspectionTask window, DateTimeOffset seenAt)
    {
        var random = _random[window.EnterpriseId];
        var discipline = _companies[window.EnterpriseId].Part.Discipline;
        var hour = BusinessTime.ToLocal(window.WindowStart).Hour;
        var onTime = hour is < 6 or >= 22 ? discipline.OnTimeByNight : discipline.OnTimeByDay;
        var isLong = window.WindowEnd - window.WindowStart > TimeSpan.FromDays(1);
        if (random.NextDouble() < onTime)
        {
            // Short cycles are checked anywhere in the window, long ones early in it.
            var from = Max(window.WindowStart, seenAt);
            return new WindowPlan(Outcome.OnTime, from + ((window.WindowEnd - from) * ((isLong ? 0.4 : 0.8) * random.NextDouble())), window.WindowEnd);
        }

        if (random.NextDouble() < discipline.LateShareOfFailures)
        {
            var delay = isLong ? TimeSpan.FromHours(1 + (47 * random.NextDouble())) : TimeSpan.FromMinutes(10 + (350 * random.NextDouble()));
            return new WindowPlan(Outcome.Late, window.WindowEnd + delay, window.WindowEnd);
        }

        return new WindowPlan(Outcome.Missed, window.WindowEnd, window.WindowEnd);
    }

    /// <summary>demo-qd1 records a few days' maintenance stop of one unit ahead of time, as <see cref="CreateDeactivationRecord"/> does.</summary>
    private async Task StopUnitAsync(CancellationToken cancellationToken)
    {
        var (code, unit, recordedOn, from, to, reason) = StoryScript.Stop;
        var company = companies.Single(c => c.Part.Code == code);
        var unitId = await db.RiskAnalysisUnits.Where(u => u.EnterpriseId == company.Id && u.Name.Contains(unit))
            .OrderBy(u => u.Name).Select(u => u.Id).FirstAsync(cancellationToken);
        var recordedAt = StoryDays.At(firstDay, recordedOn, 16, 0);
        var period = new DeactivationPeriod(StoryDays.At(firstDay, from, 8, 0), StoryDays.At(firstDay, to, 20, 0), reason);
        db.DeactivationRecords.Add(DeactivationRecord.Create(company.Id, company.RegionCode, unitId, period, recordedAt));
        await db.SaveChangesAsync(cancellationToken);
        await DeactivationWindows.SyncAsync(db, unitId, recordedAt, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>A stable order for the random choices: by start, unit and content.</summary>
    private List<InspectionTask> Ordered(List<InspectionTask> windows) =>
        [.. windows.OrderBy(w => w.WindowStart)
            .ThenBy(w => _definitions[w.DefinitionId].Unit, StringComparer.Ordinal)
            .ThenBy(w => _definitions[w.DefinitionId].Definition.Content, StringComparer.Ordinal)
            .ThenBy(w => w.Id)];

    private static Guid SubmissionId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private enum Outcome
    {
        OnTime = 0,
        Late = 1,
        Missed = 2,
    }

    /// <summary>What becomes of one window: the outcome, when its record is made (UTC), and when the window ends.</summary>
    private readonly record struct WindowPlan(Outcome Outcome, DateTimeOffset At, DateTimeOffset WindowEnd);
}
