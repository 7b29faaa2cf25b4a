using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The fence rules no fix can trigger, run by the job <c>positioning:check-silent-tags</c> (ADR 0040;
/// docs/domain/positioning.md#3-alarm-types): <c>TagOffline</c> — no fix for <see cref="FenceOptions.OfflineMinutes"/>
/// while the last one lay inside a zone — and <c>TagNotReturned</c> — a binding past its validity and not returned
/// (docs/domain/positioning.md#42-contractors-and-visitors). Each silence (after one last fix) and each overdue binding
/// is one alarm: a run skips what has an alarm of that category for the tag since, so a rerun or a second node adds nothing.
/// Runs in the system scope.
/// </summary>
public static class CheckSilentTags
{
    public sealed record Result(int Offline, int NotReturned);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, RaiseAlarm.Handler raise, IOptions<FenceOptions> options, TimeProvider clock)
    {
        private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var cutoff = now.AddMinutes(-options.Value.OfflineMinutes);
            List<SilentTag> silent;
            List<OverdueBinding> overdue;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                silent = await db.Database.SqlQuery<SilentTag>(
                    $"""
                    SELECT p.tag_id, p.enterprise_id, p.person_id, p.fixed_at, t.serial, z.id AS zone_id, z.site_plan_id, z.name AS zone_name
                      FROM tag_position p
                      JOIN positioning_tag t ON t.id = p.tag_id
                      JOIN LATERAL (SELECT zone.id, zone.site_plan_id, zone.name FROM zone
                                     WHERE zone.enterprise_id = p.enterprise_id AND ST_Contains(zone.outline, ST_SetSRID(ST_MakePoint(p.x, p.y), 0))
                                     ORDER BY zone.id LIMIT 1) z ON true
                     WHERE p.fixed_at < {cutoff} AND p.x IS NOT NULL AND p.y IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM alarm a
                                        WHERE a.enterprise_id = p.enterprise_id AND a.source = {(int)AlarmSource.Positioning}
                                          AND a.category = {AlarmCategories.TagOffline} AND a.device_id = p.tag_id AND a.occurred_at > p.fixed_at)
                    """).ToListAsync(cancellationToken);
                overdue = await db.Set<TagBinding>()
                    .Where(b => b.ReturnedAt == null && b.ValidUntil < now
                        && !db.Set<Alarm>().Any(a => a.EnterpriseId == b.EnterpriseId && a.Source == AlarmSource.Positioning
                            && a.Category == AlarmCategories.TagNotReturned && a.DeviceId == b.TagId && a.OccurredAt >= b.ValidUntil))
                    .Join(db.Set<PositioningTag>(), b => b.TagId, t => t.Id, (b, t) => new { b, t.Serial })
                    .Join(db.Set<Person>(), x => x.b.PersonId, p => p.Id, (x, p) => new OverdueBinding(
                        x.b.Id, x.b.EnterpriseId, x.b.TagId, x.b.PersonId, x.b.ValidUntil!.Value, x.Serial, p.Name))
                    .ToListAsync(cancellationToken);
            }

            foreach (var tag in silent)
            {
                await raise.HandleAsync(new RaiseAlarm.Command(tag.EnterpriseId, new RaisedAlarm(
                    AlarmSource.Positioning,
                    $"{AlarmCategories.TagOffline}:{tag.TagId:N}:{tag.FixedAt.ToUnixTimeMilliseconds()}",
                    AlarmCategories.TagOffline,
                    AlarmSeverity.Minor,
                    tag.FixedAt.AddMinutes(options.Value.OfflineMinutes),
                    $"{AlarmCategories.Name(AlarmCategories.TagOffline, Chinese)}：{tag.Serial}，{tag.ZoneName}",
                    tag.ZoneId,
                    tag.SitePlanId,
                    tag.TagId,
                    tag.PersonId)), cancellationToken);
            }

            foreach (var binding in overdue)
            {
                await raise.HandleAsync(new RaiseAlarm.Command(binding.EnterpriseId, new RaisedAlarm(
                    AlarmSource.Positioning,
                    $"{AlarmCategories.TagNotReturned}:{binding.Id:N}",
                    AlarmCategories.TagNotReturned,
                    AlarmSeverity.Minor,
                    binding.ValidUntil,
                    $"{AlarmCategories.Name(AlarmCategories.TagNotReturned, Chinese)}：{binding.PersonName}，{binding.Serial}",
                    DeviceId: binding.TagId,
                    PersonId: binding.PersonId)), cancellationToken);
            }

            return new Result(silent.Count, overdue.Count);
        }
    }

    private sealed record SilentTag(Guid TagId, Guid EnterpriseId, Guid? PersonId, DateTimeOffset FixedAt, string Serial, Guid ZoneId, Guid SitePlanId, string ZoneName);

    private sealed record OverdueBinding(Guid Id, Guid EnterpriseId, Guid TagId, Guid PersonId, DateTimeOffset ValidUntil, string Serial, string PersonName);
}
