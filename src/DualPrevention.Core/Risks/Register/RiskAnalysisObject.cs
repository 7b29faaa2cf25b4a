namespace DualPrevention.Core.Risks.Register;

/// <summary>安全风险分析对象 (docs/domain/dual-prevention.md#32-risk-analysis-object): top of the risk tree, normally one major hazard source. Its level is the highest of its units'.</summary>
public sealed class RiskAnalysisObject : RegisterRow
{
    public RiskObjectType ObjectType { get; private set; }

    /// <summary>危险源编码 / 对象编码; part of the register's natural key, unique per enterprise.</summary>
    public string HazardCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>责任部门 (exchange <c>hazardDep</c>).</summary>
    public string? Department { get; private set; }

    /// <summary>责任人 (exchange <c>hazardLiablePerson</c>).</summary>
    public string? LiablePerson { get; private set; }

    public Guid? MajorHazardSourceId { get; private set; }

    public static RiskAnalysisObject Create(Guid enterpriseId, string regionCode, RiskAnalysisObjectDetails details, DateTimeOffset now)
    {
        var row = new RiskAnalysisObject();
        row.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        row.Update(details, now);
        return row;
    }

    /// <summary>Applies details; returns whether anything changed.</summary>
    public bool Update(RiskAnalysisObjectDetails details, DateTimeOffset now)
    {
        if (ToDetails() == details.Normalized())
        {
            return false;
        }

        var d = details.Normalized();
        ObjectType = d.ObjectType;
        HazardCode = d.HazardCode;
        Name = d.Name;
        Department = d.Department;
        LiablePerson = d.LiablePerson;
        MajorHazardSourceId = d.MajorHazardSourceId;
        UpdatedAt = now;
        return true;
    }

    public RiskAnalysisObjectDetails ToDetails() => new(ObjectType, HazardCode, Name, Department, LiablePerson, MajorHazardSourceId);
}

/// <summary>The editable facts of a risk analysis object.</summary>
public sealed record RiskAnalysisObjectDetails(
    RiskObjectType ObjectType, string HazardCode, string Name, string? Department, string? LiablePerson, Guid? MajorHazardSourceId)
{
    /// <summary>Trimmed, with blanks as null.</summary>
    public RiskAnalysisObjectDetails Normalized() => this with
    {
        HazardCode = HazardCode.Trim(),
        Name = Name.Trim(),
        Department = Text.OrNull(Department),
        LiablePerson = Text.OrNull(LiablePerson),
    };
}
