namespace DualPrevention.Core.Risks.Register;

/// <summary>安全风险分析单元 (docs/domain/dual-prevention.md#33-risk-analysis-unit): a device, facility or area of an object. Its level is the highest of its events'.</summary>
public sealed class RiskAnalysisUnit : RegisterRow
{
    public Guid ObjectId { get; private set; }

    /// <summary>Unique among the object's units; part of the natural key.</summary>
    public string Name { get; private set; } = "";

    public string? Department { get; private set; }

    public string? LiablePerson { get; private set; }

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
        UpdatedAt = now;
        return true;
    }

    public RiskAnalysisUnitDetails ToDetails() => new(Name, Department, LiablePerson);
}

/// <summary>The editable facts of a risk analysis unit.</summary>
public sealed record RiskAnalysisUnitDetails(string Name, string? Department, string? LiablePerson)
{
    public RiskAnalysisUnitDetails Normalized() => new(Name.Trim(), Text.OrNull(Department), Text.OrNull(LiablePerson));
}
