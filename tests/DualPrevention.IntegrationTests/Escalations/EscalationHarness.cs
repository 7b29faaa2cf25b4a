using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualPrevention.IntegrationTests.Escalations;

/// <summary>
/// Runs the escalation job and its fan-out (the first half of <c>notifications:deliver</c>) on the database's clock
/// and reads what they recorded and whom they notified.
/// </summary>
internal static class EscalationHarness
{
    /// <summary>
    /// A deadline <paramref name="daysAhead"/> days after the clock's local date: the class's tests share one clock,
    /// which only moves forward, so each test starts from where the last one left it.
    /// </summary>
    public static DateOnly DeadlineAhead(this TestDatabase database, int daysAhead) =>
        BusinessTime.LocalDate(database.Clock.GetUtcNow()).AddDays(daysAhead);

    /// <summary>Sets the clock to 09:00 Beijing time on <paramref name="day"/>.</summary>
    public static void SetLocalDay(this TestDatabase database, DateOnly day) =>
        database.Clock.SetUtcNow(BusinessTime.FromLocal(day.ToDateTime(new TimeOnly(9, 0))));

    public static async Task<EscalateHiddenDangers.Result> EscalateAsync(this TestDatabase database)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<EscalateHiddenDangers.Handler>().HandleAsync(CancellationToken.None);
    }

    /// <summary>Fans the records not yet notified out into inboxes (and deliveries to <paramref name="channels"/>, none by default).</summary>
    public static async Task<NotifyEscalations.Result> NotifyAsync(this TestDatabase database, params INotificationChannel[] channels)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await new NotifyEscalations.Handler(
                scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>(), database.Clock, channels,
                scope.ServiceProvider.GetRequiredService<NotificationHub>(), NullLogger<NotifyEscalations.Handler>.Instance)
            .HandleAsync(CancellationToken.None);
    }

    /// <summary>Runs the escalation job, then its fan-out, as the two recurring jobs do one after the other.</summary>
    public static async Task<EscalateHiddenDangers.Result> EscalateAndNotifyAsync(this TestDatabase database)
    {
        var result = await database.EscalateAsync();
        await database.NotifyAsync();
        return result;
    }

    public static async Task<List<string>> StepsOfAsync(this TestDatabase database, Guid subjectId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.EscalationRecords.Where(r => r.SubjectId == subjectId).OrderBy(r => r.FiredAt).Select(r => r.StepCode).ToListAsync();
    }

    /// <summary>The user names notified about <paramref name="subjectId"/>'s step, sorted.</summary>
    public static async Task<List<string>> RecipientsOfAsync(this TestDatabase database, Guid subjectId, string stepCode)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await (
                from r in db.EscalationRecords
                where r.SubjectId == subjectId && r.StepCode == stepCode
                join n in db.Notifications on r.Id equals n.EscalationRecordId
                join u in db.Users on n.RecipientUserId equals u.Id
                orderby u.UserName
                select u.UserName!)
            .ToListAsync();
    }

    public static async Task<Guid> UserIdAsync(this TestDatabase database, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Creates (once) a safety officer of <paramref name="enterpriseId"/>; returns its id.</summary>
    public static async Task<Guid> EnsureSafetyOfficerAsync(this TestDatabase database, Guid enterpriseId, string userName)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing.Id;
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = "安全管理员", EnterpriseId = enterpriseId, CreatedAt = database.Clock.GetUtcNow() };
        (await users.CreateAsync(user, "Safe@2026x")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.SafetyOfficer)).Succeeded.ShouldBeTrue();
        return user.Id;
    }
}
