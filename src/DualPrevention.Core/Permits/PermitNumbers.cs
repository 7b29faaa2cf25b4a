namespace DualPrevention.Core.Permits;

/// <summary>
/// Permit numbers, unique per enterprise: the type's prefix, the Beijing day of application and a sequence of that
/// day, <c>DH-20261207-001</c> (ADR 0045). The prefixes are the initials permits carry on paper in Chinese plants.
/// </summary>
public static class PermitNumbers
{
    public static string Prefix(SpecialOperationType type) => type switch
    {
        SpecialOperationType.HotWork => "DH",
        SpecialOperationType.ConfinedSpace => "SX",
        SpecialOperationType.BlindPlate => "MB",
        SpecialOperationType.WorkAtHeight => "GC",
        SpecialOperationType.Lifting => "DZ",
        SpecialOperationType.TemporaryElectricity => "LD",
        SpecialOperationType.Excavation => "DT",
        SpecialOperationType.RoadBreak => "DL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The number of the <paramref name="sequence"/>th permit of <paramref name="type"/> applied for on <paramref name="day"/>.</summary>
    public static string Format(SpecialOperationType type, DateOnly day, int sequence) =>
        $"{Prefix(type)}-{day:yyyyMMdd}-{sequence:000}";
}

/// <summary>The last sequence handed out per enterprise, prefix and Beijing day; bumped in one upsert, so two applications never share a number.</summary>
public sealed class PermitNumberCounter : Tenancy.ITenantOwned
{
    private PermitNumberCounter()
    {
    }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public int Last { get; private set; }
}

/// <summary>
/// A measure of a type's checklist (reference data, versioned): the standard's items per type, which an enterprise
/// extends with its own (<see cref="EnterpriseMeasureItem"/>).
/// </summary>
public sealed class PermitMeasureTemplate
{
    private PermitMeasureTemplate()
    {
    }

    public Guid Id { get; private set; }

    public SpecialOperationType Type { get; private set; }

    /// <summary>The checklist's version, e.g. "GB30871-2022".</summary>
    public string Version { get; private set; } = "";

    public int Seq { get; private set; }

    public string Text { get; private set; } = "";

    public string Clause { get; private set; } = "";

    internal static PermitMeasureTemplate Of(SpecialOperationType type, string version, int seq, string text, string clause) => new()
    {
        Id = Guid.CreateVersion7(),
        Type = type,
        Version = version,
        Seq = seq,
        Text = text,
        Clause = clause,
    };
}

/// <summary>An enterprise's own measure for permits of a type, added after the standard's checklist.</summary>
public sealed class EnterpriseMeasureItem : Tenancy.ITenantOwned
{
    private EnterpriseMeasureItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public SpecialOperationType Type { get; private set; }

    public int Seq { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public static EnterpriseMeasureItem Create(Guid enterpriseId, string regionCode, SpecialOperationType type, int seq, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Type = type,
        Seq = seq,
        Text = text.Trim(),
        CreatedAt = now,
    };
}
