using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>A certificate a person holds (特种作业操作证, 安全培训合格证), valid until its expiry day (Beijing date).</summary>
public sealed class PersonCertificate : ITenantOwned
{
    private PersonCertificate()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Number { get; private set; } = "";

    /// <summary>The last day the certificate is valid.</summary>
    public DateOnly ExpiresOn { get; private set; }

    internal static PersonCertificate Of(Person person, string name, string number, DateOnly expiresOn) => new()
    {
        Id = Guid.CreateVersion7(),
        PersonId = person.Id,
        EnterpriseId = person.EnterpriseId,
        RegionCode = person.RegionCode,
        Name = name.Trim(),
        Number = number.Trim(),
        ExpiresOn = expiresOn,
    };

    public bool ExpiredOn(DateOnly today) => ExpiresOn < today;
}
