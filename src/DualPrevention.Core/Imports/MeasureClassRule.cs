namespace DualPrevention.Core.Imports;

/// <summary>
/// The 措施分类二级 (docs/domain/dual-prevention.md#36-control-measure-classification) of a measure whose list has no
/// class, told from its wording: each class has words only its measures use (联锁 for 安全仪表, 持证 for 人员资质 …).
/// A measure whose words point to exactly one class gets it; none or several, and the preview asks.
/// </summary>
public static class MeasureClassRule
{
    private static readonly (string Code, string[] Words)[] Words =
    [
        ("1-1", ["工艺参数", "工艺指标", "温度控制", "压力控制", "流量控制", "自动控制", "DCS"]),
        ("1-2", ["关键设备", "机泵", "压缩机"]),
        ("1-3", ["安全阀", "呼吸阀", "阻火器", "爆破片", "压力表", "液位计", "静电接地", "防雷", "接地"]),
        ("1-4", ["联锁", "SIS", "报警仪", "报警器", "液位报警", "高高报警", "可燃气体检测", "有毒气体检测", "紧急切断"]),
        ("2-1", ["润滑", "机封", "振动"]),
        ("2-2", ["测厚", "腐蚀", "防腐", "壁厚", "定期检验", "探伤"]),
        ("3-1", ["持证", "资质", "培训", "特种作业"]),
        ("3-2", ["操作规程", "操作票", "巡检", "记录", "作业票", "作业许可", "票证"]),
        ("3-3", ["交接班"]),
        ("4-1", ["洗眼器", "喷淋", "围堰", "应急池", "应急物资"]),
        ("4-2", ["安全带", "防护服", "防毒面具", "空气呼吸器", "劳保", "个体防护", "防护用品", "佩戴"]),
        ("4-3", ["消防", "灭火器", "消火栓", "灭火"]),
        ("4-4", ["预案", "演练"]),
    ];

    /// <summary>The class code ("1-4") when exactly one class's words occur in <paramref name="measure"/>, else null.</summary>
    public static string? Infer(string measure)
    {
        string? found = null;
        foreach (var (code, words) in Words)
        {
            if (words.Any(w => measure.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                if (found is not null)
                {
                    return null;
                }

                found = code;
            }
        }

        return found;
    }
}
