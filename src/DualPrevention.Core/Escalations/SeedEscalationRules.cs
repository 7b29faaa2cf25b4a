using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// Seeds the province's default escalation ladder (docs/domain/dual-prevention.md#81-the-escalation-ladder; Shandong
/// 370000). Steps already present are left as administrators edited them; cities override a step by adding their own
/// rule with the same step code.
/// </summary>
public static class SeedEscalationRules
{
    /// <summary>The province whose defaults are seeded.</summary>
    public const string ProvinceCode = "370000";

    private static readonly EscalationRule[] Defaults =
    [
        EscalationRule.Create(ProvinceCode, "remind-3d", null, EscalationTrigger.BeforeDeadline, 3, EscalationTarget.Rectifier),
        EscalationRule.Create(ProvinceCode, "deadline-safety", null, EscalationTrigger.BeforeDeadline, 0, EscalationTarget.SafetyOfficers),
        EscalationRule.Create(ProvinceCode, "overdue-3d-principal", null, EscalationTrigger.Overdue, 3, EscalationTarget.Principal),
        EscalationRule.Create(ProvinceCode, "overdue-7d-city", HiddenDangerLevel.General, EscalationTrigger.Overdue, 7, EscalationTarget.CitySupervision),
        EscalationRule.Create(ProvinceCode, "major-registered-city", HiddenDangerLevel.Major, EscalationTrigger.Registered, 0, EscalationTarget.CitySupervision),
        EscalationRule.Create(ProvinceCode, "major-overdue-city", HiddenDangerLevel.Major, EscalationTrigger.Overdue, 0, EscalationTarget.CitySupervision),
        EscalationRule.Create(ProvinceCode, "overdue-30d-province", null, EscalationTrigger.Overdue, 30, EscalationTarget.ProvinceSupervision),
        EscalationRule.Create(ProvinceCode, "posted-overdue-province", HiddenDangerLevel.Major, EscalationTrigger.PostedOverdue, 0, EscalationTarget.ProvinceSupervision),
        EscalationRule.Create(ProvinceCode, "missed-windows-city", null, EscalationTrigger.MissedWindowsInWeek, 20, EscalationTarget.CitySupervision),
    ];

    /// <summary>Adds the default steps that are missing; returns how many were added.</summary>
    public static async Task<int> RunAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var present = await db.EscalationRules.Where(r => r.RegionCode == ProvinceCode).Select(r => r.StepCode).ToListAsync(cancellationToken);
        var missing = Defaults
            .Where(d => !present.Contains(d.StepCode))
            .Select(d => EscalationRule.Create(d.RegionCode, d.StepCode, d.Level, d.Trigger, d.Days, d.Target))
            .ToList();
        db.EscalationRules.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
