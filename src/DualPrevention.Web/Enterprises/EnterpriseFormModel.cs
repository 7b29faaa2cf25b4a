using DualPrevention.Core.Enterprises;

namespace DualPrevention.Web.Enterprises;

/// <summary>Mutable mirror of <see cref="EnterpriseDetails"/> that MudBlazor fields bind to.</summary>
public sealed class EnterpriseFormModel
{
    public string Name { get; set; } = "";

    public string UnifiedSocialCreditCode { get; set; } = "";

    public string? RegistryEnterpriseCode { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? ChemicalParkId { get; set; }

    public HashSet<EnterpriseKinds> Kinds { get; set; } = [];

    public string Address { get; set; } = "";

    public decimal? Longitude { get; set; }

    public decimal? Latitude { get; set; }

    public string PrincipalName { get; set; } = "";

    public string? PrincipalPhone { get; set; }

    public EnterpriseStatus Status { get; set; } = EnterpriseStatus.Operating;

    public bool IsMajorHazardEnterprise { get; set; }

    public static EnterpriseFormModel From(EnterpriseDetails details) => new()
    {
        Name = details.Name,
        UnifiedSocialCreditCode = details.UnifiedSocialCreditCode,
        RegistryEnterpriseCode = details.RegistryEnterpriseCode,
        RegionCode = details.RegionCode,
        ChemicalParkId = details.ChemicalParkId,
        Kinds = Enum.GetValues<EnterpriseKinds>().Where(k => k != EnterpriseKinds.None && details.Kinds.HasFlag(k)).ToHashSet(),
        Address = details.Address,
        Longitude = details.Longitude,
        Latitude = details.Latitude,
        PrincipalName = details.PrincipalName,
        PrincipalPhone = details.PrincipalPhone,
        Status = details.Status,
        IsMajorHazardEnterprise = details.IsMajorHazardEnterprise,
    };

    public EnterpriseDetails ToDetails() => new()
    {
        Name = Name,
        UnifiedSocialCreditCode = UnifiedSocialCreditCode.Trim().ToUpperInvariant(),
        RegistryEnterpriseCode = RegistryEnterpriseCode,
        RegionCode = RegionCode,
        ChemicalParkId = ChemicalParkId,
        Kinds = Kinds.Aggregate(EnterpriseKinds.None, (all, kind) => all | kind),
        Address = Address,
        Longitude = Longitude,
        Latitude = Latitude,
        PrincipalName = PrincipalName,
        PrincipalPhone = PrincipalPhone,
        Status = Status,
        IsMajorHazardEnterprise = IsMajorHazardEnterprise,
    };
}
