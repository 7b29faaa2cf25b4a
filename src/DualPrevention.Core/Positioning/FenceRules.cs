using System.Collections.Concurrent;
using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The fence rules of docs/domain/positioning.md#3-alarm-types, run on every stored batch of fixes (ADR 0040). Each
/// enterprise's zones are held in memory (<see cref="ZoneIndex"/>) with each tag's episodes; every rule fires once per
/// episode through <see cref="RaiseAlarm"/> with its category, severity, zone, person and tag. Zone rules debounce in
/// time (<see cref="FenceOptions.DebounceSeconds"/>): a stay begins counting once the tag has been seen inside for the
/// debounce and ends once it has been seen outside for as long, so a fix jittering across an edge neither starts nor
/// ends one; a fix older than the tag's newest is noise and only SOS is read from it. After a restart the open
/// positioning alarms are the truth: an episode whose alarm is still open is not raised again. The time-driven rules
/// (<c>TagOffline</c>, <c>TagNotReturned</c>) are <see cref="CheckSilentTags"/>'s. A zone's whitelist admits the people
/// on it whatever their type; the people required in a zone raise <c>LeftZone</c> when seen outside it within its hours
/// for <see cref="FenceOptions.LeftZoneMinutes"/>; red and orange zones and fire/explosion areas raise <c>Gathering</c>
/// when enough people stand close together; a visitor in a zone that requires an escort raises <c>EscortMissing</c> when
/// their escort (named on the tag binding) is not near them.
/// </summary>
public sealed class FenceRules(
    IServiceScopeFactory scopes,
    IOptions<FenceOptions> options,
    ZoneChanges changes,
    TimeProvider clock,
    ILogger<FenceRules> logger) : IAcceptedFixes
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly ConcurrentDictionary<Guid, EnterpriseFences> _enterprises = new();

    public async Task OnAcceptedAsync(IReadOnlyList<AcceptedFix> fixes, CancellationToken cancellationToken)
    {
        var raised = new List<(Guid EnterpriseId, RaisedAlarm Alarm)>();
        foreach (var batch in fixes.GroupBy(f => f.EnterpriseId))
        {
            var fences = _enterprises.GetOrAdd(batch.Key, _ => new EnterpriseFences());
            await fences.Gate.WaitAsync(cancellationToken);
            try
            {
                await RefreshAsync(batch.Key, fences, batch.Select(f => f.PersonId), cancellationToken);
                var alarms = new List<RaisedAlarm>();
                new Evaluation(fences, options.Value, alarms).Run(batch);
                raised.AddRange(alarms.Select(a => (batch.Key, a)));
            }
            finally
            {
                fences.Gate.Release();
            }
        }

        // SOS and falls first: they are the ones that must reach the duty page at once.
        foreach (var (enterpriseId, alarm) in raised.OrderBy(r => r.Alarm.Severity))
        {
            await RaiseAsync(enterpriseId, alarm, cancellationToken);
        }
    }

    private async Task RaiseAsync(Guid enterpriseId, RaisedAlarm alarm, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new RaiseAlarm.Command(enterpriseId, alarm), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The batch is stored; one alarm that could not be written must not make the broker deliver it again.
            logger.LogError(exception, "Fence alarm {Category} ({SourceEventId}) of enterprise {EnterpriseId} could not be raised", alarm.Category, alarm.SourceEventId, enterpriseId);
        }
    }

    /// <summary>Reads the enterprise's zones when first seen, changed or stale, and the people of the batch not known yet.</summary>
    private async Task RefreshAsync(Guid enterpriseId, EnterpriseFences fences, IEnumerable<Guid?> personIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = changes.VersionOf(enterpriseId);
        var stale = fences.Zones is null || fences.Version != version || now - fences.LoadedAt >= TimeSpan.FromSeconds(options.Value.ZoneRefreshSeconds);
        var unknown = personIds.OfType<Guid>().Where(id => !fences.People.ContainsKey(id)).Distinct().ToList();
        if (!stale && unknown.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken);
        if (fences.Zones is null)
        {
            var open = await db.Set<Alarm>()
                .Where(a => a.EnterpriseId == enterpriseId && a.Source == AlarmSource.Positioning && AlarmStates.Open.Members.Contains(a.Status))
                .Select(a => new { a.Category, a.ZoneId, a.DeviceId })
                .ToListAsync(cancellationToken);
            fences.OpenAlarms.UnionWith(open.Select(a => (a.Category, a.ZoneId, a.DeviceId)));
        }

        if (stale)
        {
            var zones = await db.Set<Zone>().AsNoTracking().Where(z => z.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
            var index = new ZoneIndex(zones.Select(ZoneIndex.Fence.Of));
            var links = await db.Set<ZonePersonLink>().AsNoTracking().Where(l => l.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
            foreach (var link in links.Where(l => index.ById.ContainsKey(l.ZoneId)))
            {
                (link.Role == ZonePersonRole.Whitelisted ? index.ById[link.ZoneId].Whitelisted : index.ById[link.ZoneId].Required).Add(link.PersonId);
            }

            fences.Reload(index, version, now);
            unknown = [.. personIds.OfType<Guid>().Distinct()];
        }

        var people = await db.Set<Person>().AsNoTracking()
            .Where(p => p.EnterpriseId == enterpriseId && unknown.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Type,
                Escort = db.Set<TagBinding>().Where(b => b.PersonId == p.Id && b.ReturnedAt == null && b.EscortPersonId != null)
                    .OrderByDescending(b => b.ValidFrom).Select(b => b.EscortPersonId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            fences.People[person.Id] = new KnownPerson(person.Name, person.Type, person.Escort);
        }
    }

    /// <summary>What the rules read of a person: their name for the summary, their type, and a visitor's escort.</summary>
    private sealed record KnownPerson(string Name, PersonTypes Type, Guid? EscortId);

    /// <summary>One enterprise's zones, people and episodes; <see cref="Gate"/> lets one batch at a time change them.</summary>
    private sealed class EnterpriseFences
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ZoneIndex? Zones { get; private set; }

        public long Version { get; private set; }

        public DateTimeOffset LoadedAt { get; private set; }

        /// <summary>The newest fix time seen: the enterprise's clock for the headcounts, which no single tag's fixes move.</summary>
        public DateTimeOffset? Now { get; set; }

        public Dictionary<Guid, KnownPerson> People { get; } = [];

        /// <summary>Each person's newest position and its time, for the escort rule.</summary>
        public Dictionary<Guid, (double X, double Y, DateTimeOffset At)> PersonPositions { get; } = [];

        /// <summary>The zones each person is required in.</summary>
        public Dictionary<Guid, List<ZoneIndex.Fence>> RequiredIn { get; } = [];

        /// <summary>A required person's absence from a zone: since when seen outside it, and whether it was raised.</summary>
        public Dictionary<(Guid PersonId, Guid ZoneId), (DateTimeOffset Since, bool Raised)> Absences { get; } = [];

        public Dictionary<Guid, TagEpisodes> Tags { get; } = [];

        public Dictionary<Guid, ZoneHeadcount> Headcounts { get; } = [];

        /// <summary>(category, zone, tag) of the positioning alarms open when the enterprise was first seen: episodes already raised.</summary>
        public HashSet<(string Category, Guid? ZoneId, Guid? TagId)> OpenAlarms { get; } = [];

        public void Reload(ZoneIndex zones, long version, DateTimeOffset now)
        {
            Zones = zones;
            Version = version;
            LoadedAt = now;
            People.Clear();
            RequiredIn.Clear();
            foreach (var fence in zones.ById.Values)
            {
                foreach (var personId in fence.Required)
                {
                    (RequiredIn.TryGetValue(personId, out var list) ? list : RequiredIn[personId] = []).Add(fence);
                }
            }

            foreach (var gone in Absences.Keys.Where(k => !RequiredIn.TryGetValue(k.PersonId, out var list) || list.All(f => f.Id != k.ZoneId)).ToList())
            {
                Absences.Remove(gone);
            }

            foreach (var tag in Tags.Values)
            {
                foreach (var gone in tag.Stays.Keys.Where(id => !zones.ById.ContainsKey(id)).ToList())
                {
                    tag.Stays.Remove(gone);
                }
            }

            foreach (var gone in Headcounts.Keys.Where(id => !zones.ById.ContainsKey(id)).ToList())
            {
                Headcounts.Remove(gone);
            }

            foreach (var headcount in Headcounts)
            {
                headcount.Value.Members.Clear();
                headcount.Value.Members.UnionWith(Tags.Where(t => t.Value.Stays.TryGetValue(headcount.Key, out var stay) && stay.Counted).Select(t => t.Key));
            }
        }
    }

    /// <summary>What is known of one tag: its newest fix, where it last stood still, its flags and its stays by zone.</summary>
    private sealed class TagEpisodes
    {
        public DateTimeOffset? LastTime { get; set; }

        public (double X, double Y, DateTimeOffset Since)? Anchor { get; set; }

        /// <summary>The newest position, in plan metres.</summary>
        public (double X, double Y)? Position { get; set; }

        public bool Sos { get; set; }

        public bool Fall { get; set; }

        public bool LowBattery { get; set; }

        public Dictionary<Guid, Stay> Stays { get; } = [];
    }

    /// <summary>A tag's stay in one zone: from its first fix inside; counted once seen inside for the debounce.</summary>
    private sealed class Stay(DateTimeOffset firstInside)
    {
        public DateTimeOffset FirstInside { get; } = firstInside;

        public DateTimeOffset LastInside { get; set; } = firstInside;

        public bool Counted { get; set; }

        public bool EntryRaised { get; set; }

        public bool OverstayRaised { get; set; }

        /// <summary>The stillness (its start) already raised in this zone.</summary>
        public DateTimeOffset? StillRaised { get; set; }

        /// <summary>Since when a visitor here has been without their escort nearby.</summary>
        public DateTimeOffset? EscortMissingSince { get; set; }

        public bool EscortRaised { get; set; }
    }

    /// <summary>A zone's headcount and its over/under episodes.</summary>
    private sealed class ZoneHeadcount
    {
        /// <summary>The tags counted in the zone.</summary>
        public HashSet<Guid> Members { get; } = [];

        public int Count => Members.Count;

        public DateTimeOffset? OverSince { get; set; }

        public bool OverRaised { get; set; }

        public DateTimeOffset? UnderSince { get; set; }

        public bool UnderRaised { get; set; }

        public DateTimeOffset? GatheringSince { get; set; }

        public bool GatheringRaised { get; set; }
    }

    /// <summary>One enterprise's batch judged against its episodes, the alarms to raise collected in order.</summary>
    private sealed class Evaluation(EnterpriseFences fences, FenceOptions options, List<RaisedAlarm> alarms)
    {
        private readonly ZoneIndex _zones = fences.Zones!;
        private readonly List<ZoneIndex.Fence> _inside = [];
        private readonly List<(Guid ZoneId, Stay Stay)> _ended = [];

        public void Run(IEnumerable<AcceptedFix> fixes)
        {
            foreach (var fix in fixes.OrderBy(f => f.Fix.Time))
            {
                Judge(fix);
                fences.Now = fences.Now is { } known && known > fix.Fix.Time ? known : fix.Fix.Time;
            }

            if (fences.Now is { } now)
            {
                JudgeHeadcounts(now);
            }
        }

        private void Judge(AcceptedFix accepted)
        {
            var fix = accepted.Fix;
            var tag = fences.Tags.TryGetValue(accepted.TagId, out var known) ? known : fences.Tags[accepted.TagId] = new TagEpisodes();
            if (tag.LastTime is { } last && fix.Time <= last)
            {
                // Late or repeated: the tag's episodes are already past it. An SOS press is never suppressed.
                if (fix.Sos && !tag.Sos)
                {
                    Raise(AlarmCategories.Sos, AlarmSeverity.Critical, accepted, ZoneOf(tag), fix.Time, fix.Time, "");
                }

                return;
            }

            tag.LastTime = fix.Time;

            // SOS and fall: the device's flags, raised at once; the episode lasts while the flag stays set.
            if (fix.Sos && !tag.Sos)
            {
                Raise(AlarmCategories.Sos, AlarmSeverity.Critical, accepted, ZoneOf(tag), fix.Time, fix.Time, "");
            }

            tag.Sos = fix.Sos;
            if (fix.Fall && !tag.Fall)
            {
                Raise(AlarmCategories.Fall, AlarmSeverity.Critical, accepted, ZoneOf(tag), fix.Time, fix.Time, "");
            }

            tag.Fall = fix.Fall;

            // Low battery: below the threshold; the episode ends five points above it, so a level wavering at the line is one.
            if (fix.Battery is { } battery)
            {
                if (battery < options.LowBatteryPercent && !tag.LowBattery)
                {
                    Raise(AlarmCategories.LowBattery, AlarmSeverity.Minor, accepted, null, fix.Time, fix.Time, $"{battery}%");
                }

                tag.LowBattery = battery < options.LowBatteryPercent || (tag.LowBattery && battery < options.LowBatteryPercent + 5);
            }

            if (fix.X is { } x && fix.Y is { } y)
            {
                JudgeZones(accepted, tag, x, y);
            }
        }

        private void JudgeZones(AcceptedFix accepted, TagEpisodes tag, double x, double y)
        {
            var at = accepted.Fix.Time;
            if (tag.Anchor is not { } anchor || Distance(x, y, anchor.X, anchor.Y) > options.StillRadiusMetres)
            {
                tag.Anchor = (x, y, at);
            }

            _zones.Containing(x, y, _inside);
            foreach (var zone in _inside)
            {
                var zoneId = zone.Id;
                var stay = tag.Stays.TryGetValue(zoneId, out var known) ? known : tag.Stays[zoneId] = new Stay(at);
                stay.LastInside = at;
                if (!stay.Counted && at - stay.FirstInside >= options.Debounce)
                {
                    stay.Counted = true;
                    Headcount(zoneId).Members.Add(accepted.TagId);
                }
            }

            // A stay not seen inside for the debounce ends (the stays of this fix were all just seen inside).
            _ended.Clear();
            foreach (var (zoneId, stay) in tag.Stays)
            {
                if (stay.LastInside != at && at - stay.LastInside >= options.Debounce)
                {
                    _ended.Add((zoneId, stay));
                }
            }

            foreach (var (zoneId, stay) in _ended)
            {
                tag.Stays.Remove(zoneId);
                if (stay.Counted)
                {
                    Headcount(zoneId).Members.Remove(accepted.TagId);
                }
            }

            tag.Position = (x, y);
            var person = accepted.PersonId is { } personId && fences.People.TryGetValue(personId, out var found) ? found : null;
            if (accepted.PersonId is { } wearer)
            {
                fences.PersonPositions[wearer] = (x, y, at);
            }

            var localTime = TimeOnly.FromDateTime(BusinessTime.ToLocal(at).DateTime);
            foreach (var (zoneId, stay) in tag.Stays)
            {
                if (!stay.Counted)
                {
                    continue;
                }

                var zone = _zones.ById[zoneId];

                // Unauthorised entry: the person's type or the hours do not admit them (a tag bound to nobody is not judged).
                if (!stay.EntryRaised && person is { } who && !zone.Admits(accepted.PersonId!.Value, who.Type, localTime))
                {
                    stay.EntryRaised = true;
                    Raise(AlarmCategories.UnauthorizedEntry, AlarmSeverity.Major, accepted, zone, stay.FirstInside, at, "");
                }

                if (zone.OverstaySeconds is { } overstay && !stay.OverstayRaised && at - stay.FirstInside > TimeSpan.FromSeconds(overstay))
                {
                    stay.OverstayRaised = true;
                    Raise(AlarmCategories.Overstay, AlarmSeverity.Major, accepted, zone, stay.FirstInside, at, $"{(int)(at - stay.FirstInside).TotalMinutes} min");
                }

                var still = tag.Anchor!.Value.Since;
                if (zone.StaticAlarmSeconds is { } seconds && stay.StillRaised != still && at - still >= TimeSpan.FromSeconds(seconds))
                {
                    stay.StillRaised = still;
                    Raise(AlarmCategories.Static, AlarmSeverity.Major, accepted, zone, still, at, $"{(int)(at - still).TotalSeconds} s");
                }

                if (zone.RequiresEscort && person is { Type: PersonTypes.Visitor } visitor)
                {
                    JudgeEscort(accepted, stay, zone, visitor, x, y);
                }
            }

            if (accepted.PersonId is { } required && fences.RequiredIn.TryGetValue(required, out var posts))
            {
                JudgePosts(accepted, tag, required, posts, localTime);
            }
        }

        /// <summary>A visitor whose escort is unnamed, unheard for two debounces or farther than the limit, for the debounce: one alarm per stay and absence.</summary>
        private void JudgeEscort(AcceptedFix accepted, Stay stay, ZoneIndex.Fence zone, KnownPerson visitor, double x, double y)
        {
            var at = accepted.Fix.Time;
            var near = visitor.EscortId is { } escortId
                && fences.PersonPositions.TryGetValue(escortId, out var escort)
                && at - escort.At <= options.Debounce * 2
                && Distance(x, y, escort.X, escort.Y) <= options.EscortMetres;
            if (near)
            {
                (stay.EscortMissingSince, stay.EscortRaised) = (null, false);
                return;
            }

            stay.EscortMissingSince ??= at;
            if (!stay.EscortRaised && at - stay.EscortMissingSince >= options.Debounce)
            {
                stay.EscortRaised = true;
                Raise(AlarmCategories.EscortMissing, AlarmSeverity.Major, accepted, zone, stay.EscortMissingSince.Value, at, "");
            }
        }

        /// <summary>A person required in zones, seen outside one within its hours for the limit: one alarm per absence.</summary>
        private void JudgePosts(AcceptedFix accepted, TagEpisodes tag, Guid personId, List<ZoneIndex.Fence> posts, TimeOnly localTime)
        {
            var at = accepted.Fix.Time;
            foreach (var post in posts)
            {
                var key = (personId, post.Id);
                if (!post.WithinHours(localTime) || (tag.Stays.TryGetValue(post.Id, out var stay) && stay.Counted))
                {
                    fences.Absences.Remove(key);
                    continue;
                }

                var absence = fences.Absences.TryGetValue(key, out var known) ? known : (Since: at, Raised: false);
                if (!absence.Raised && at - absence.Since >= TimeSpan.FromMinutes(options.LeftZoneMinutes))
                {
                    absence.Raised = true;
                    Raise(AlarmCategories.LeftZone, AlarmSeverity.Major, accepted, post, absence.Since, at, $"{(int)(at - absence.Since).TotalMinutes} min");
                }

                fences.Absences[key] = absence;
            }
        }

        /// <summary>Over capacity and under-staffed, held for the debounce, for every zone someone has entered since the start.</summary>
        private void JudgeHeadcounts(DateTimeOffset at)
        {
            foreach (var (zoneId, headcount) in fences.Headcounts)
            {
                var zone = _zones.ById[zoneId];
                if (zone.MaxOccupancy is { } max && headcount.Count > max)
                {
                    headcount.OverSince ??= at;
                    if (!headcount.OverRaised && at - headcount.OverSince >= options.Debounce)
                    {
                        headcount.OverRaised = true;
                        Raise(AlarmCategories.OverCapacity, AlarmSeverity.Major, null, zone, headcount.OverSince.Value, at, $"{headcount.Count} > {max}");
                    }
                }
                else
                {
                    (headcount.OverSince, headcount.OverRaised) = (null, false);
                }

                if (zone.MinOccupancy is { } min && headcount.Count < min)
                {
                    headcount.UnderSince ??= at;
                    if (!headcount.UnderRaised && at - headcount.UnderSince >= options.Debounce)
                    {
                        headcount.UnderRaised = true;
                        Raise(AlarmCategories.UnderStaffed, AlarmSeverity.Major, null, zone, headcount.UnderSince.Value, at, $"{headcount.Count} < {min}");
                    }
                }
                else
                {
                    (headcount.UnderSince, headcount.UnderRaised) = (null, false);
                }

                JudgeGathering(zone, headcount, at);
            }
        }

        /// <summary>
        /// Enough people within the radius of one of them in a hazardous zone, held for the debounce: one alarm per
        /// gathering. Permitted work is not told apart yet: the permits module will exempt the people on an active permit.
        /// </summary>
        private void JudgeGathering(ZoneIndex.Fence zone, ZoneHeadcount headcount, DateTimeOffset at)
        {
            var largest = 0;
            if (zone.IsHazardous && headcount.Count >= options.GatheringPersons)
            {
                var points = headcount.Members.Select(id => fences.Tags[id].Position).OfType<(double X, double Y)>().ToList();
                largest = points.Count == 0 ? 0 : points.Max(p => points.Count(q => Distance(p.X, p.Y, q.X, q.Y) <= options.GatheringRadiusMetres));
            }

            if (largest < options.GatheringPersons)
            {
                (headcount.GatheringSince, headcount.GatheringRaised) = (null, false);
                return;
            }

            headcount.GatheringSince ??= at;
            if (!headcount.GatheringRaised && at - headcount.GatheringSince >= options.Debounce)
            {
                headcount.GatheringRaised = true;
                Raise(AlarmCategories.Gathering, AlarmSeverity.Major, null, zone, headcount.GatheringSince.Value, at, $"{largest} / {options.GatheringRadiusMetres} m");
            }
        }

        private static double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));

        private ZoneHeadcount Headcount(Guid zoneId) =>
            fences.Headcounts.TryGetValue(zoneId, out var known) ? known : fences.Headcounts[zoneId] = new ZoneHeadcount();

        /// <summary>The zone a tag counts in, for alarms about the tag itself; the most recently entered if several.</summary>
        private ZoneIndex.Fence? ZoneOf(TagEpisodes tag) =>
            tag.Stays.Where(s => s.Value.Counted).OrderByDescending(s => s.Value.FirstInside).Select(s => _zones.ById[s.Key]).FirstOrDefault();

        /// <param name="fix">The tag's fix, or null for a zone's headcount.</param>
        /// <param name="since">When the episode began: with the subject, the source event id, so an episode is one alarm.</param>
        private void Raise(string category, AlarmSeverity severity, AcceptedFix? fix, ZoneIndex.Fence? zone, DateTimeOffset since, DateTimeOffset at, string detail)
        {
            if (fences.OpenAlarms.Remove((category, zone?.Id, fix?.TagId)))
            {
                return;
            }

            var person = fix?.PersonId is { } personId && fences.People.TryGetValue(personId, out var found) ? found.Name : null;
            var who = person ?? fix?.Fix.Tag;
            var parts = new[] { who, zone?.Name, detail }.Where(p => !string.IsNullOrEmpty(p));
            var summary = $"{AlarmCategories.Name(category, Chinese)}：{string.Join("，", parts)}";
            var subject = $"{fix?.TagId ?? Guid.Empty:N}:{zone?.Id ?? Guid.Empty:N}";
            alarms.Add(new RaisedAlarm(
                AlarmSource.Positioning,
                $"{category}:{subject}:{since.ToUnixTimeMilliseconds()}",
                category,
                severity,
                at,
                summary,
                zone?.Id,
                zone?.SitePlanId,
                fix?.TagId,
                fix?.PersonId));
        }
    }
}
