namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>重大危险源 (docs/domain/dual-prevention.md#37-major-hazard-source, GB 18218-2018) with its 包保 trio of responsible persons.</summary>
public sealed class MajorHazardSource : RegisterRow
{
    /// <summary>重大危险源编码 from the national registration system.</summary>
    public string HazardCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public MajorHazardLevel Level { get; private set; }

    /// <summary>R value of GB 18218-2018 §4.2.2 (dimensionless).</summary>
    public decimal? RValue { get; private set; }

    /// <summary>Production or storage unit (docs/domain/major-hazards.md#2-units); null until identified.</summary>
    public MajorHazardUnitType? UnitType { get; private set; }

    /// <summary>People normally within 500 m outside the plant boundary, for α (docs/domain/major-hazards.md#64-alpha-for-the-people-around); null until identified.</summary>
    public int? Population500m { get; private set; }

    /// <summary>主要负责人 (an account of the enterprise).</summary>
    public Guid? PrincipalResponsibleUserId { get; private set; }

    /// <summary>技术负责人.</summary>
    public Guid? TechnicalResponsibleUserId { get; private set; }

    /// <summary>操作负责人.</summary>
    public Guid? OperationalResponsibleUserId { get; private set; }

    public static MajorHazardSource Create(Guid enterpriseId, string regionCode, MajorHazardSourceDetails details, DateTimeOffset now)
    {
        var source = new MajorHazardSource();
        source.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        source.Update(details, now);
        return source;
    }

    public void Update(MajorHazardSourceDetails details, DateTimeOffset now)
    {
        HazardCode = details.HazardCode.Trim();
        Name = details.Name.Trim();
        Level = details.Level;
        RValue = details.RValue;
        PrincipalResponsibleUserId = details.PrincipalResponsibleUserId;
        TechnicalResponsibleUserId = details.TechnicalResponsibleUserId;
        OperationalResponsibleUserId = details.OperationalResponsibleUserId;
        UpdatedAt = now;
    }

    /// <summary>The facts of its unit that identification reads besides the substances.</summary>
    public void DescribeUnit(MajorHazardUnitType unitType, int population500m, DateTimeOffset now)
    {
        UnitType = unitType;
        Population500m = population500m;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the level and R of a GB 18218-2018 calculation (ADR 0047). R is kept to two places cut toward zero, so the
    /// stored R never reads as the next level up (Table 6's bounds are whole numbers).
    /// </summary>
    public void Graded(MajorHazardLevel level, decimal rValue, DateTimeOffset now)
    {
        Level = level;
        RValue = Math.Round(rValue, 2, MidpointRounding.ToZero);
        UpdatedAt = now;
    }

    public MajorHazardSourceDetails ToDetails() =>
        new(HazardCode, Name, Level, RValue, PrincipalResponsibleUserId, TechnicalResponsibleUserId, OperationalResponsibleUserId);
}

/// <summary>The editable facts of a major hazard source.</summary>
public sealed record MajorHazardSourceDetails(
    string HazardCode, string Name, MajorHazardLevel Level, decimal? RValue,
    Guid? PrincipalResponsibleUserId, Guid? TechnicalResponsibleUserId, Guid? OperationalResponsibleUserId);
