using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Demo;

/// <summary>
/// Demo data that tells a story (README.md, "What the demo shows"), for the run command only, after
/// <see cref="SeedDemoData"/>: every demo enterprise gets the sample risk-control list when its register is empty and
/// its 一级 major hazard source with the 包保 trio (<see cref="DemoMajorHazards"/>), its site plan (<see cref="DemoSitePlans"/>)
/// and positioning registry (<see cref="DemoPositioningRegistry"/>),
/// demo-qd2 the sample hidden-danger ledger, and all three the last 60 days (<see cref="StoryScript"/>) of inspection
/// windows, on-time, late and missed checks, a maintenance stop and hidden dangers in every state, made by the
/// product's own jobs, entity rules and handlers on a clock set in the past. Told once: the imports are skipped when
/// their data is there, and the story itself is one transaction whose commit leaves its mark (the Qingdao bureau's
/// finding), so a crash half-way leaves nothing of it and the next start tells it whole; a second start finds the mark
/// and adds nothing.
/// </summary>
public sealed class SeedDemoStory(IServiceScopeFactory scopes, IPhotoStore photos, HiddenDangerNotifications notifications, TimeProvider clock, ILogger<SeedDemoStory> logger)
{
    /// <summary>Rows the story added for the three demo enterprises (the imports not counted), and how long it took.</summary>
    /// <param name="Told">False when the story had been told before and nothing was done.</param>
    public sealed record Result(bool Told, int Windows, int Records, int HiddenDangers, TimeSpan Elapsed);

    /// <exception cref="InvalidOperationException">The demo enterprises or accounts are missing (run <see cref="SeedDemoData"/> first).</exception>
    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>();
        accessor.Current = TenantScope.System;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>();
        List<StoryCompany> companies;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await IsToldAsync(db, cancellationToken))
            {
                // A database seeded before the signing authority existed gets its work leaders' accounts linked (ADR 0051).
                foreach (var part in StoryScript.Enterprises)
                {
                    await DemoPermitSigners.LinkWorkLeaderAsync(db, part.Code, cancellationToken);
                }

                logger.LogInformation("The demo story was told before; nothing added");
                return new Result(false, 0, 0, 0, clock.GetElapsedTime(started));
            }

            companies = await StoryCompany.LoadAsync(db, cancellationToken);
        }

        foreach (var company in companies)
        {
            await DemoImports.ImportRiskRegisterIfEmptyAsync(scopes, company.Id, company.Admin.UserName, cancellationToken);
            await DemoMajorHazards.RegisterIfNoneAsync(scopes, company.Id, company.Part.Code, company.Admin.UserName, cancellationToken);
            await DemoSitePlans.DrawIfNoneAsync(scopes, company.Id, company.Admin.UserName, cancellationToken);
            await DemoPositioningRegistry.RegisterIfNoneAsync(scopes, company.Id, company.Part.Code, company.Admin.UserName, clock, cancellationToken);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await DemoPermitSigners.LinkWorkLeaderAsync(db, company.Part.Code, cancellationToken);
        }

        var qd2 = companies.Single(c => c.Part.Code == "demo-qd2");
        await DemoImports.ImportLedgerIfNoneAsync(scopes, qd2.Id, qd2.Admin.UserName, cancellationToken);

        var now = clock.GetUtcNow();
        var firstDay = StoryDays.FirstDay(now);
        await using var story = await factory.CreateDbContextAsync(cancellationToken);
        story.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await story.Database.BeginTransactionAsync(cancellationToken);

        // Two starts at once (two app nodes on one database): the second waits here, then finds the story told.
        await AdvisoryLocks.DemoStory.TakeAsync(story, cancellationToken);
        if (await IsToldAsync(story, cancellationToken))
        {
            return new Result(false, 0, 0, 0, clock.GetElapsedTime(started));
        }

        var ids = companies.Select(c => c.Id).ToList();
        var before = await CountAsync(story, ids, cancellationToken);
        var inspections = new StoryInspections(story, companies, firstDay, now);
        await inspections.RunAsync(cancellationToken);
        var contexts = new StoryContexts(factory, accessor, story.Database.GetDbConnection(), transaction.GetDbTransaction());
        await new StoryHiddenDangers(contexts, new StoryClock(now), photos, notifications, companies, firstDay).RunAsync(inspections.Drafts, cancellationToken);
        var after = await CountAsync(story, ids, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // After the story: a converted alarm opens a hidden danger, which a story stopped half-way must not leave behind.
        foreach (var company in companies)
        {
            await DemoAlarms.RaiseIfNoneAsync(scopes, company.Id, company.Admin.UserName, clock.GetUtcNow(), cancellationToken);
        }

        var result = new Result(
            true, after.Windows - before.Windows, after.Records - before.Records, after.HiddenDangers - before.HiddenDangers, clock.GetElapsedTime(started));
        logger.LogInformation(
            "Told the demo story from {FirstDay:yyyy-MM-dd}: {WindowCount} inspection windows, {RecordCount} records, {HiddenDangerCount} hidden dangers in {ElapsedSeconds:F1} s",
            firstDay, result.Windows, result.Records, result.HiddenDangers, result.Elapsed.TotalSeconds);
        return result;
    }

    private static Task<bool> IsToldAsync(DualPreventionDbContext db, CancellationToken cancellationToken) =>
        db.HiddenDangers.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)
            .AnyAsync(h => h.Origin == HiddenDangerOrigin.RegulatorInspection && h.EnforcementId == StoryScript.BureauInspectionId, cancellationToken);

    private static async Task<(int Windows, int Records, int HiddenDangers)> CountAsync(DualPreventionDbContext db, List<Guid> ids, CancellationToken cancellationToken) => (
        await db.InspectionTasks.CountAsync(t => ids.Contains(t.EnterpriseId), cancellationToken),
        await db.InspectionRecords.CountAsync(r => ids.Contains(r.EnterpriseId), cancellationToken),
        await db.HiddenDangers.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(h => ids.Contains(h.EnterpriseId), cancellationToken));
}
