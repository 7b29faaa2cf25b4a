namespace DualPrevention.Core.Enterprises;

/// <summary>化工园区: a designated chemical park within a region; enterprises may belong to one.</summary>
public sealed class ChemicalPark
{
    public ChemicalPark(Guid id, string name, string regionCode)
    {
        Id = id;
        Name = name;
        RegionCode = regionCode;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The county (or city) the park lies in, GB/T 2260.</summary>
    public string RegionCode { get; private set; }
}
