using DualPrevention.Core.Alarms;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.E2ETests.Accessibility;

/// <summary>
/// The browser fixture with demo-qd1's sample risk-control list, a major hazard source, a hidden danger, a draft, a site plan with a zone
/// and an alarm,
/// so that the pages of one unit, source or hidden danger have one to show.
/// </summary>
public sealed class SampleRegisterBrowserFixture : BrowserFixture
{
    protected override bool WithSampleRiskRegister => true;

    public Guid Unit { get; private set; }

    public Guid MajorHazardSource { get; private set; }

    public Guid HiddenDanger { get; private set; }

    public Guid Draft { get; private set; }

    public Guid SitePlan { get; private set; }

    public Guid Alarm { get; private set; }

    public Guid Muster { get; private set; }

    /// <summary>A submitted hot-work permit: its page shows the measures to confirm and the gas-test form.</summary>
    public Guid Permit { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = OwnerContext(TenantScope.System);
        Unit = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM risk_analysis_unit WHERE enterprise_id = {Qd1} ORDER BY id LIMIT 1").SingleAsync();
        var regionCode = await db.Enterprises.Where(e => e.Id == Qd1).Select(e => e.RegionCode).SingleAsync();
        var source = Core.Risks.MajorHazards.MajorHazardSource.Create(
            Qd1, regionCode, new MajorHazardSourceDetails("370211901", "无障碍检查的罐区", MajorHazardLevel.Level4, null, null, null, null), Clock.GetUtcNow());
        db.MajorHazardSources.Add(source);
        var plan = Core.Positioning.SitePlan.Create(Qd1, regionCode, "无障碍检查的平面图", 800, 600, new PlanScale(0, 600, 0.5), Clock.GetUtcNow());
        var outline = new GeometryFactory(new PrecisionModel(), 0).CreatePolygon([new(10, 10), new(110, 10), new(110, 90), new(10, 90), new(10, 10)]);
        db.Add(plan);
        db.Add(Zone.Draw(plan, new ZoneDetails("无障碍检查的区域", outline, RiskColor.Red), ZoneSource.Manual, Clock.GetUtcNow()));
        var (alarm, raised) = Core.Alarms.Alarm.Raise(
            Qd1, regionCode, new RaisedAlarm(AlarmSource.Positioning, "a11y-1", AlarmCategories.Sos, AlarmSeverity.Critical, Clock.GetUtcNow(), "无障碍检查的报警"),
            TimeSpan.FromMinutes(2), Clock.GetUtcNow());
        db.AddRange(alarm, raised);
        var muster = Core.Positioning.Muster.Start(Qd1, regionCode, TenantScope.ForEnterprise(Qd1, null, "demo-qd1-admin"), new MusterCounts(0, 0, 0, 0), Clock.GetUtcNow());
        db.Add(muster);
        await db.SaveChangesAsync();
        SitePlan = plan.Id;
        Alarm = alarm.Id;
        Muster = muster.Id;
        MajorHazardSource = source.Id;
        HiddenDanger = await HiddenDangerSeed.AddAsync(this, Qd1, "无障碍检查的隐患");
        Draft = await HiddenDangerSeed.AddAsync(this, Qd1, "无障碍检查的草稿", state: HiddenDangerState.Draft);
        Permit = (await Permits.PermitSeed.ApplyHotWorkAsync(this, Services, Qd1, "demo-qd1-admin", "无障碍检查的作业票", submit: true)).Id;
    }
}
