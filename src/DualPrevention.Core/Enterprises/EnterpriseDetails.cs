namespace DualPrevention.Core.Enterprises;

/// <summary>
/// The editable facts of an enterprise, as a form or API body carries them. Coordinates are WGS-84 decimal
/// degrees; codes are upper-case.
/// </summary>
public sealed record EnterpriseDetails
{
    public string Name { get; init; } = "";

    /// <summary>18 characters, GB 32100-2015.</summary>
    public string UnifiedSocialCreditCode { get; init; } = "";

    /// <summary>9 digits from the national chemical registration system; optional.</summary>
    public string? RegistryEnterpriseCode { get; init; }

    /// <summary>County code (GB/T 2260) the enterprise is registered in.</summary>
    public string RegionCode { get; init; } = "";

    public Guid? ChemicalParkId { get; init; }

    public EnterpriseKinds Kinds { get; init; }

    public string Address { get; init; } = "";

    /// <summary>WGS-84 longitude, degrees east, −180…180.</summary>
    public decimal? Longitude { get; init; }

    /// <summary>WGS-84 latitude, degrees north, −90…90.</summary>
    public decimal? Latitude { get; init; }

    /// <summary>主要负责人.</summary>
    public string PrincipalName { get; init; } = "";

    public string? PrincipalPhone { get; init; }

    public EnterpriseStatus Status { get; init; } = EnterpriseStatus.Operating;

    /// <summary>Holds at least one major hazard source (GB 18218-2018).</summary>
    public bool IsMajorHazardEnterprise { get; init; }
}
