namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// The 4×N control-measure classification of the national exchange
/// (docs/domain/dual-prevention.md#36-control-measure-classification; identical in every implementation seen):
/// classify2 codes "x-y" whose prefix x is the classify1 value.
/// </summary>
public static class MeasureClassification
{
    /// <summary>classify2 code → (classify1, Chinese name).</summary>
    public static IReadOnlyDictionary<string, (MeasureClassify1 Classify1, string Name)> Classify2 { get; } =
        new Dictionary<string, (MeasureClassify1, string)>(StringComparer.Ordinal)
        {
            ["1-1"] = (MeasureClassify1.Engineering, "工艺控制"),
            ["1-2"] = (MeasureClassify1.Engineering, "关键设备/部件"),
            ["1-3"] = (MeasureClassify1.Engineering, "安全附件"),
            ["1-4"] = (MeasureClassify1.Engineering, "安全仪表"),
            ["1-5"] = (MeasureClassify1.Engineering, "其他"),
            ["2-1"] = (MeasureClassify1.Maintenance, "动设备"),
            ["2-2"] = (MeasureClassify1.Maintenance, "静设备"),
            ["2-3"] = (MeasureClassify1.Maintenance, "其他"),
            ["3-1"] = (MeasureClassify1.Operation, "人员资质"),
            ["3-2"] = (MeasureClassify1.Operation, "操作记录"),
            ["3-3"] = (MeasureClassify1.Operation, "交接班"),
            ["3-4"] = (MeasureClassify1.Operation, "其他"),
            ["4-1"] = (MeasureClassify1.Emergency, "应急设施"),
            ["4-2"] = (MeasureClassify1.Emergency, "个体防护"),
            ["4-3"] = (MeasureClassify1.Emergency, "消防设施"),
            ["4-4"] = (MeasureClassify1.Emergency, "应急预案"),
            ["4-5"] = (MeasureClassify1.Emergency, "其他"),
        };

    /// <summary>Chinese names of classify1.</summary>
    public static IReadOnlyDictionary<MeasureClassify1, string> Classify1Names { get; } = new Dictionary<MeasureClassify1, string>
    {
        [MeasureClassify1.Engineering] = "工程技术",
        [MeasureClassify1.Maintenance] = "维护保养",
        [MeasureClassify1.Operation] = "操作行为",
        [MeasureClassify1.Emergency] = "应急措施",
    };

    /// <summary>True when <paramref name="classify2"/> is a known code under <paramref name="classify1"/>.</summary>
    public static bool Belongs(MeasureClassify1 classify1, string? classify2) =>
        classify2 is not null && Classify2.TryGetValue(classify2, out var entry) && entry.Classify1 == classify1;

    /// <summary>The classify2 code named <paramref name="name"/> under <paramref name="classify1"/>, or null.</summary>
    public static string? FindClassify2(MeasureClassify1 classify1, string name) =>
        Classify2.FirstOrDefault(e => e.Value.Classify1 == classify1 && e.Value.Name == name).Key;
}
