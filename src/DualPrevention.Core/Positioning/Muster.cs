using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 应急点名 (docs/domain/positioning.md#43-emergency-muster, ADR 0041): one emergency muster of an enterprise, from the
/// duty officer's click until it is closed. It keeps the counts of the roll taken at its start and at its close; the
/// names are read live from the latest positions while it is open and are not stored.
/// </summary>
public sealed class Muster : ITenantOwned, IAudited
{
    private Muster()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid? StartedById { get; private set; }

    public string StartedByName { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public int StartPersons { get; private set; }

    public int StartAtAssemblyPoint { get; private set; }

    public int StartNotAtAssemblyPoint { get; private set; }

    public int StartUnknown { get; private set; }

    public MusterCounts AtStart => new(StartPersons, StartAtAssemblyPoint, StartNotAtAssemblyPoint, StartUnknown);

    /// <summary>UTC; null while the muster is open.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedByName { get; private set; }

    public int? ClosePersons { get; private set; }

    public int? CloseAtAssemblyPoint { get; private set; }

    public int? CloseNotAtAssemblyPoint { get; private set; }

    public int? CloseUnknown { get; private set; }

    /// <summary>The roll's counts when it was closed; null while open.</summary>
    public MusterCounts? AtClose => ClosePersons is { } persons
        ? new(persons, CloseAtAssemblyPoint ?? 0, CloseNotAtAssemblyPoint ?? 0, CloseUnknown ?? 0)
        : null;

    public bool IsOpen => ClosedAt is null;

    internal static Muster Start(Guid enterpriseId, string regionCode, TenantScope by, MusterCounts counts, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        StartedById = by.UserId,
        StartedByName = by.UserName ?? "",
        StartedAt = now,
        StartPersons = counts.Persons,
        StartAtAssemblyPoint = counts.AtAssemblyPoint,
        StartNotAtAssemblyPoint = counts.NotAtAssemblyPoint,
        StartUnknown = counts.Unknown,
    };

    internal void Close(TenantScope by, MusterCounts counts, DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedByName = by.UserName ?? "";
        (ClosePersons, CloseAtAssemblyPoint, CloseNotAtAssemblyPoint, CloseUnknown) =
            (counts.Persons, counts.AtAssemblyPoint, counts.NotAtAssemblyPoint, counts.Unknown);
    }

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}

/// <summary>
/// A roll's totals: <see cref="Persons"/> holding a tag, of whom <see cref="AtAssemblyPoint"/> are at an assembly point,
/// <see cref="NotAtAssemblyPoint"/> are located elsewhere (inside a zone or between zones) and <see cref="Unknown"/> have
/// no fresh fix.
/// </summary>
public sealed record MusterCounts(int Persons, int AtAssemblyPoint, int NotAtAssemblyPoint, int Unknown);
