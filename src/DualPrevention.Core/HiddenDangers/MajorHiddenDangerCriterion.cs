namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// One of the situations that make a hidden danger major
/// (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria): 《化工和危险化学品生产经营单位重大生产安全事故隐患
/// 判定标准（试行）》安监总管三〔2017〕121号, items 1–20. Versioned reference data, so a revision loads beside it.
/// </summary>
public sealed class MajorHiddenDangerCriterion
{
    public int Id { get; private set; }

    /// <summary>e.g. "2017".</summary>
    public string Version { get; private set; } = "";

    /// <summary>Item number within the version, 1–20 for 2017.</summary>
    public int No { get; private set; }

    public string TextZh { get; private set; } = "";

    public string TextEn { get; private set; } = "";

    public static MajorHiddenDangerCriterion Create(string version, int no, string textZh, string textEn) =>
        new() { Version = version, No = no, TextZh = textZh, TextEn = textEn };

    public void Update(string textZh, string textEn)
    {
        TextZh = textZh;
        TextEn = textEn;
    }
}
