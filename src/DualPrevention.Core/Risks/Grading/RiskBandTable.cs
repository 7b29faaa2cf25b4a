namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// Reference data: how scores of one method map to the four levels in a region (province default, city
/// override), versioned so a province can change bands without a release and old assessments keep the table
/// they were made with. Bands are tried highest level first; a score in none is <see cref="RiskLevel.Low"/>.
/// </summary>
public sealed class RiskBandTable
{
    private RiskBandTable()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Province or city code (GB/T 2260) the table applies in.</summary>
    public string RegionCode { get; private set; } = "";

    public AssessmentMethod Method { get; private set; }

    /// <summary>1, 2, … per (region, method).</summary>
    public int Version { get; private set; }

    /// <summary>UTC from which this version applies.</summary>
    public DateTimeOffset EffectiveFrom { get; private set; }

    public List<RiskBand> Bands { get; private set; } = [];

    /// <summary>DB37 LS bands (docs/domain/dual-prevention.md#43-ls-bands): R ≥ 20 重大, ≥ 15 较大, ≥ 9 一般, else 低.</summary>
    public static IReadOnlyList<RiskBand> DefaultLs { get; } =
        [new(RiskLevel.Major, 20, true), new(RiskLevel.Significant, 15, true), new(RiskLevel.General, 9, true)];

    /// <summary>LEC bands (docs/domain/dual-prevention.md#45-lec): D &gt; 320 重大, 160 ≤ D ≤ 320 较大, 70 ≤ D &lt; 160 一般, D &lt; 70 低.</summary>
    public static IReadOnlyList<RiskBand> DefaultLec { get; } =
        [new(RiskLevel.Major, 320, false), new(RiskLevel.Significant, 160, true), new(RiskLevel.General, 70, true)];

    /// <summary>Variant (a) of the 5×5 matrix (docs/domain/dual-prevention.md#43-ls-bands): 20–25 / 10–16 / 4–9 / 1–3.</summary>
    public static IReadOnlyList<RiskBand> DefaultMatrix { get; } =
        [new(RiskLevel.Major, 20, true), new(RiskLevel.Significant, 10, true), new(RiskLevel.General, 4, true)];

    public static RiskBandTable Create(Guid id, string regionCode, AssessmentMethod method, int version, DateTimeOffset effectiveFrom, IEnumerable<RiskBand> bands) => new()
    {
        Id = id,
        RegionCode = regionCode,
        Method = method,
        Version = version,
        EffectiveFrom = effectiveFrom,
        Bands = bands.OrderBy(b => b.Level).ToList(),
    };

    /// <summary>The level of <paramref name="score"/> under this table.</summary>
    public RiskLevel Classify(decimal score) => RiskGrading.Classify(score, Bands);
}
