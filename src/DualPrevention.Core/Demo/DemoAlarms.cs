using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo's alarms (ADR 0037), raised and handled through the real handlers so the alarm centre is not empty at the
/// first start: an open SOS, a leak confirmed and converted into a hidden danger, and a false intrusion alarm. Skipped
/// when the enterprise has alarms already.
/// </summary>
internal static class DemoAlarms
{
    /// <returns>Whether alarms were added.</returns>
    public static async Task<bool> RaiseIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string adminUserName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = DemoImports.AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<Alarm>().AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        var raise = services.GetRequiredService<RaiseAlarm.Handler>();
        await raise.HandleAsync(new RaiseAlarm.Command(enterpriseId, new RaisedAlarm(
            AlarmSource.Positioning, "demo-sos-1", AlarmCategories.Sos, AlarmSeverity.Critical, now.AddMinutes(-1), "一键报警：罐区巡检员按下SOS", ZoneId: Guid.NewGuid())), cancellationToken);
        var leak = await raise.HandleAsync(new RaiseAlarm.Command(enterpriseId, new RaisedAlarm(
            AlarmSource.Sensor, "demo-leak-1", AlarmCategories.LeakSpill, AlarmSeverity.Critical, now.AddHours(-3), "可燃气体探测器报警：泵房法兰泄漏", ZoneId: Guid.NewGuid())), cancellationToken);
        var intrusion = await raise.HandleAsync(new RaiseAlarm.Command(enterpriseId, new RaisedAlarm(
            AlarmSource.Positioning, "demo-entry-1", AlarmCategories.UnauthorizedEntry, AlarmSeverity.Major, now.AddHours(-5), "访客进入红色区域：罐区", ZoneId: Guid.NewGuid())), cancellationToken);

        await services.GetRequiredService<ConfirmAlarm.Handler>().HandleAsync(actor, new ConfirmAlarm.Command(leak.AlarmId), cancellationToken);
        var convert = services.GetRequiredService<ConvertAlarmToHiddenDanger.Handler>();
        var draft = await convert.DraftAsync(leak.AlarmId, cancellationToken);
        await convert.HandleAsync(actor, new ConvertAlarmToHiddenDanger.Command(leak.AlarmId, draft), cancellationToken);
        await services.GetRequiredService<MarkAlarmFalse.Handler>().HandleAsync(
            actor, new MarkAlarmFalse.Command(intrusion.AlarmId, FalseAlarmReason.AuthorisedActivity, "持证检修人员，作业票已审批"), cancellationToken);
        return true;
    }
}
