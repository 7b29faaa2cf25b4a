using DualPrevention.Core.Auditing;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 标签绑定: a tag handed to a person from one instant until it is returned; a visitor's binding is temporary and
/// must say until when (docs/domain/positioning.md#42-contractors-and-visitors). A tag has at most one binding not
/// returned (a partial unique index), so a fix names one person.
/// </summary>
public sealed class TagBinding : ITenantOwned, IAudited
{
    private TagBinding()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid TagId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset ValidFrom { get; private set; }

    /// <summary>UTC; when a temporary binding ends (a visitor's is never open-ended).</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    /// <summary>The employee escorting a visitor (陪同人员) where the visitor's zones require one; null for none.</summary>
    public Guid? EscortPersonId { get; private set; }

    /// <summary>UTC; when the tag came back. Null while the person holds it.</summary>
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <exception cref="DomainRuleException">A visitor without an end, an end before the start, or an escort who is not another employee of the enterprise.</exception>
    public static TagBinding Bind(PositioningTag tag, Person person, DateTimeOffset from, DateTimeOffset? until, Person? escort = null)
    {
        if (escort is not null && (escort.EnterpriseId != person.EnterpriseId || escort.Id == person.Id || escort.Type != PersonTypes.Employee))
        {
            throw new DomainRuleException(CoreText.Get("Positioning.Binding.EscortNotEmployee"));
        }

        if (tag.EnterpriseId != person.EnterpriseId)
        {
            throw new DomainRuleException(CoreText.Get("Positioning.Binding.OtherEnterprise"));
        }

        if (person.Type == PersonTypes.Visitor && until is null)
        {
            throw new DomainRuleException(CoreText.Get("Positioning.Binding.VisitorNeedsEnd"));
        }

        if (until <= from)
        {
            throw new DomainRuleException(CoreText.Get("Positioning.Binding.EndBeforeStart"));
        }

        return new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = tag.EnterpriseId,
            RegionCode = tag.RegionCode,
            TagId = tag.Id,
            PersonId = person.Id,
            ValidFrom = from,
            ValidUntil = until,
            EscortPersonId = escort?.Id,
        };
    }

    /// <exception cref="DomainRuleException">The tag was returned already.</exception>
    public void Return(DateTimeOffset at)
    {
        if (ReturnedAt is not null)
        {
            throw new DomainRuleException(CoreText.Get("Positioning.Binding.AlreadyReturned"));
        }

        ReturnedAt = at < ValidFrom ? ValidFrom : at;
    }

    /// <summary>Whether the binding names the tag's wearer at <paramref name="at"/>.</summary>
    public bool HoldsAt(DateTimeOffset at) => at >= ValidFrom && (ValidUntil is null || at < ValidUntil) && (ReturnedAt is null || at < ReturnedAt);

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
