using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.E2ETests.Accessibility;

/// <summary>
/// The browser fixture with demo-qd1's sample risk-control list, a major hazard source, a hidden danger and a draft,
/// so that the pages of one unit, source or hidden danger have one to show.
/// </summary>
public sealed class SampleRegisterBrowserFixture : BrowserFixture
{
    protected override bool WithSampleRiskRegister => true;

    public Guid Unit { get; private set; }

    public Guid MajorHazardSource { get; private set; }

    public Guid HiddenDanger { get; private set; }

    public Guid Draft { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = OwnerContext(TenantScope.System);
        Unit = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM risk_analysis_unit WHERE enterprise_id = {Qd1} ORDER BY id LIMIT 1").SingleAsync();
        var regionCode = await db.Enterprises.Where(e => e.Id == Qd1).Select(e => e.RegionCode).SingleAsync();
        var source = Core.Risks.MajorHazards.MajorHazardSource.Create(
            Qd1, regionCode, new MajorHazardSourceDetails("370211901", "无障碍检查的罐区", MajorHazardLevel.Level4, null, null, null, null), Clock.GetUtcNow());
        db.MajorHazardSources.Add(source);
        await db.SaveChangesAsync();
        MajorHazardSource = source.Id;
        HiddenDanger = await HiddenDangerSeed.AddAsync(this, Qd1, "无障碍检查的隐患");
        Draft = await HiddenDangerSeed.AddAsync(this, Qd1, "无障碍检查的草稿", state: HiddenDangerState.Draft);
    }
}
