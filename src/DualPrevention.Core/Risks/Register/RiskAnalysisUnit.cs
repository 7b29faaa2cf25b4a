namespace DualPrevention.Core.Risks.Register;

/// <summary>安全风险分析单元 (docs/domain/dual-prevention.md#33-risk-analysis-unit): a device, facility or area of an object. Its level is the highest of its events'.</summary>
public sealed class RiskAnalysisUnit : RegisterRow
{
    public Guid ObjectId { get; private set; }

    /// <summary>Unique among the object's units; part of the natural key.</summary>
    public string Name { get; private set; } = "";

    public string? Department { get; private set; }

    public string? LiablePerson { get; private set; }

    /// <summary>应急电话 posted on the unit's 风险告知卡: digits, '-', '+' and spaces, at most 32.</summary>
    public string? EmergencyPhone { get; private set; }

    /// <summary>应急处置措施 posted on the unit's 风险告知卡, beside the emergency-class measures of its events; one per line.</summary>
    public string? EmergencyMeasures { get; private set; }

    public static RiskAnalysisUnit Create(Guid enterpriseId, string regionCode, Guid objectId, RiskAnalysisUnitDetails details, DateTimeOffset now)
    {
        var row = new RiskAnalysisUnit { ObjectId = objectId };
        row.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        row.Update(details, now);
        return row;
    }

    /// <summary>Applies details; returns whether anything changed.</summary>
    public bool Update(RiskAnalysisUnitDetails details, DateTimeOffset now)
    {
        var d = details.Normalized();
        if (ToDetails() == d)
        {
            return false;
        }

        Name = d.Name;
        Department = d.Department;
        LiablePerson = d.LiablePerson;
        EmergencyPhone = d.EmergencyPhone;
        EmergencyMeasures = d.EmergencyMeasures;
        UpdatedAt = now;
        return true;
    }

    public RiskAnalysisUnitDetails ToDetails() => new(Name, Department, LiablePerson, EmergencyPhone, EmergencyMeasures);
}

/// <summary>The editable facts of a risk analysis unit; the emergency phone and measures are those of its 风险告知卡.</summary>
public sealed record RiskAnalysisUnitDetails(
    string Name, string? Department, string? LiablePerson, string? EmergencyPhone = null, string? EmergencyMeasures = null)
{
    public RiskAnalysisUnitDetails Normalized() => new(
        Name.Trim(), Text.OrNull(Department), Text.OrNull(LiablePerson), Text.OrNull(EmergencyPhone), Text.OrNull(EmergencyMeasures));
}
