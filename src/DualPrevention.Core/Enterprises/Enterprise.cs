using DualPrevention.Core.Auditing;

namespace DualPrevention.Core.Enterprises;

/// <summary>The tenant: one hazardous-chemical enterprise (legal entity) and everything it owns.</summary>
public sealed class Enterprise : IAudited
{
    private Enterprise(Guid id, string shortCode)
    {
        Id = id;
        ShortCode = shortCode;
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case slug unique on the platform, e.g. "demo-qd1"; prefixes its staff's user names.</summary>
    public string ShortCode { get; private set; }

    public string Name { get; private set; } = "";

    public string UnifiedSocialCreditCode { get; private set; } = "";

    public string? RegistryEnterpriseCode { get; private set; }

    /// <summary>County code (GB/T 2260).</summary>
    public string RegionCode { get; private set; } = "";

    public Guid? ChemicalParkId { get; private set; }

    public EnterpriseKinds Kinds { get; private set; }

    public string Address { get; private set; } = "";

    public decimal? Longitude { get; private set; }

    public decimal? Latitude { get; private set; }

    public string PrincipalName { get; private set; } = "";

    public string? PrincipalPhone { get; private set; }

    public EnterpriseStatus Status { get; private set; }

    public bool IsMajorHazardEnterprise { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Creates an enterprise from validated details.</summary>
    public static Enterprise Register(string shortCode, EnterpriseDetails details, DateTimeOffset now)
    {
        var enterprise = new Enterprise(Guid.CreateVersion7(), shortCode) { CreatedAt = now };
        enterprise.Update(details, now);
        return enterprise;
    }

    /// <summary>Replaces the editable facts with validated details.</summary>
    public void Update(EnterpriseDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        UnifiedSocialCreditCode = details.UnifiedSocialCreditCode.Trim();
        RegistryEnterpriseCode = string.IsNullOrWhiteSpace(details.RegistryEnterpriseCode) ? null : details.RegistryEnterpriseCode.Trim();
        RegionCode = details.RegionCode;
        ChemicalParkId = details.ChemicalParkId;
        Kinds = details.Kinds;
        Address = details.Address.Trim();
        Longitude = details.Longitude;
        Latitude = details.Latitude;
        PrincipalName = details.PrincipalName.Trim();
        PrincipalPhone = string.IsNullOrWhiteSpace(details.PrincipalPhone) ? null : details.PrincipalPhone.Trim();
        Status = details.Status;
        IsMajorHazardEnterprise = details.IsMajorHazardEnterprise;
        UpdatedAt = now;
    }

    /// <summary>The details as they stand, for an edit form.</summary>
    public EnterpriseDetails ToDetails() => new()
    {
        Name = Name,
        UnifiedSocialCreditCode = UnifiedSocialCreditCode,
        RegistryEnterpriseCode = RegistryEnterpriseCode,
        RegionCode = RegionCode,
        ChemicalParkId = ChemicalParkId,
        Kinds = Kinds,
        Address = Address,
        Longitude = Longitude,
        Latitude = Latitude,
        PrincipalName = PrincipalName,
        PrincipalPhone = PrincipalPhone,
        Status = Status,
        IsMajorHazardEnterprise = IsMajorHazardEnterprise,
    };

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (Id, RegionCode);
}
