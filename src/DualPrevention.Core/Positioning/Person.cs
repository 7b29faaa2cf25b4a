using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 人员: someone an enterprise hands a tag to — an employee, a contractor's worker, a visitor or a driver
/// (docs/domain/positioning.md#2-records), with the company they come from, their certificates and training.
/// </summary>
public sealed class Person : ITenantOwned, IAudited
{
    private readonly List<PersonCertificate> _certificates = [];

    private Person()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Exactly one of the flags.</summary>
    public PersonTypes Type { get; private set; }

    /// <summary>The contractor's or visitor's company; the enterprise's own name is left empty.</summary>
    public string? Company { get; private set; }

    public TrainingStatus Training { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<PersonCertificate> Certificates => _certificates;

    public static Person Register(Guid enterpriseId, string regionCode, string name, PersonTypes type, string? company, TrainingStatus training, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Name = name.Trim(),
        Type = type,
        Company = string.IsNullOrWhiteSpace(company) ? null : company.Trim(),
        Training = training,
        CreatedAt = now,
    };

    public void AddCertificate(string name, string number, DateOnly expiresOn) =>
        _certificates.Add(PersonCertificate.Of(this, name, number, expiresOn));

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
