using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Testing.Workbooks;

/// <summary>
/// Rows of a risk-control list in the platform layout (<see cref="RiskRegisterLayout"/>, first 22 columns), with
/// plausible values wherever a test does not care.
/// </summary>
public static class RegisterWorkbook
{
    /// <summary>The 22 headers of the usual list, 序号 … 任务类型.</summary>
    public static object?[] Header() => RiskRegisterLayout.Columns.Take(22).Select(c => (object?)c.Header).ToArray();

    /// <summary>One measure row; <paramref name="l"/> × <paramref name="s"/> and the level are written as the file's own R and level.</summary>
    public static object?[] Measure(
        int no, string? objectName, string? code, string? unit, string? riskEvent, string measure,
        object? l = null, object? s = null, object? r = null, string? level = null,
        string classify1 = "工程技术", string classify2 = "工艺控制", string dataSource = "隐患排查", string? content = "检查是否完好",
        object? cycle = null, string cycleUnit = "天", string controlLevel = "车间级", string taskType = "日常任务") =>
    [
        no, objectName, code, unit, riskEvent, riskEvent is null ? null : "火灾", riskEvent is null ? null : "LS", l, s, r, level,
        measure, classify1, classify2, dataSource, content, cycle ?? 1, cycleUnit, controlLevel, "储运车间", "张工", taskType,
    ];

    /// <summary>A list of one object, one unit, one event (L 3 × S 5 = 15 较大) and <paramref name="measures"/> measures.</summary>
    public static XlsxBuilder OneEvent(int measures, string sheet = "清单")
    {
        var builder = new XlsxBuilder().Sheet(sheet).Row("测试企业风险分级管控清单").Row(Header());
        for (var i = 1; i <= measures; i++)
        {
            builder.Row(i == 1
                ? Measure(i, "一号罐区", "370200101", "1#储罐", "储罐泄漏引发火灾", $"措施{i}", 3, 5, 15, "较大风险")
                : Measure(i, null, null, null, null, $"措施{i}"));
        }

        return builder;
    }
}
