using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// Seeds the measure checklists per operation type, version <see cref="Version2022"/>. The items restate the measures the
/// clauses of GB 30871-2022 require (docs/domain/special-operations.md#9-other-measurable-conditions); the verbatim
/// Appendix A wording was not available, so the clause each item comes from is stored with it. Items already present
/// are left alone; enterprises add their own as <see cref="EnterpriseMeasureItem"/>.
/// </summary>
public static class SeedPermitMeasureTemplates
{
    public const string Version2022 = "GB30871-2022";

    private static readonly (SpecialOperationType Type, string Text, string Clause)[] Items =
    [
        (SpecialOperationType.HotWork, "动火设备、管道已用盲板隔绝，未以水封或关闭阀门代替", "§5.2.2"),
        (SpecialOperationType.HotWork, "动火点周围的下水井、地漏、地沟、电缆沟等已清除易燃物并封盖", "§5.2.4"),
        (SpecialOperationType.HotWork, "动火点周围15 m内可能泄漏易燃介质的设备设施已隔离", "§5.2.4"),
        (SpecialOperationType.HotWork, "现场配备灭火器材", "§5.2.1"),
        (SpecialOperationType.HotWork, "电焊机与动火点间距不超过10 m", "§5.2.12"),
        (SpecialOperationType.HotWork, "氧气瓶与乙炔瓶间距不小于5 m，二者与动火点间距不小于10 m，乙炔瓶直立并装回火器", "§5.2.13"),
        (SpecialOperationType.HotWork, "作业完毕清理现场，确认无残留火种", "§5.2.14"),
        (SpecialOperationType.ConfinedSpace, "与受限空间连通的管道已用盲板或拆除管段隔绝，所有开口已封堵", "§6.1"),
        (SpecialOperationType.ConfinedSpace, "带搅拌等转动部件的设备已切断电源、上锁挂牌", "§6.1"),
        (SpecialOperationType.ConfinedSpace, "照明电压不大于36 V，潮湿狭小容器内不大于12 V；可燃介质场所使用防爆灯具", "§4.13"),
        (SpecialOperationType.ConfinedSpace, "严禁用纯氧或富氧空气通风换气", "§6.3 e)"),
        (SpecialOperationType.ConfinedSpace, "配备通讯设备，监护人在外全程监护，出入人员和工器具登记清点", "§6.8"),
        (SpecialOperationType.BlindPlate, "已绘制盲板位置图，盲板编号并挂牌，与位置图一致", "§7.1, §7.4"),
        (SpecialOperationType.BlindPlate, "管道压力已降至常压", "§7.5"),
        (SpecialOperationType.BlindPlate, "火灾爆炸危险场所穿防静电工作服，使用防爆工具", "§7.6"),
        (SpecialOperationType.BlindPlate, "作业人员携带便携式气体检测仪（涉硫化氢、氯气、氨、一氧化碳、氰化物等）", "§7.9"),
        (SpecialOperationType.WorkAtHeight, "作业人员佩戴符合GB 6095的安全带和GB 24543的安全绳", "§8.2.1"),
        (SpecialOperationType.WorkAtHeight, "30 m以上作业配备通讯联络工具", "§8.2.1"),
        (SpecialOperationType.WorkAtHeight, "同一坠落方向上无立体交叉作业，或已设安全防护层", "§8.2.8"),
        (SpecialOperationType.Lifting, "吊装作业方案已审批（一级、二级及复杂三级吊装）", "§9.2.1"),
        (SpecialOperationType.Lifting, "正式起吊前已进行试吊", "§9.2.9"),
        (SpecialOperationType.Lifting, "不以管道、管架、电杆、设备作为锚点", "§9.2.8"),
        (SpecialOperationType.Lifting, "吊装警戒区内无无关人员和车辆，吊物、吊臂下无人", "§9.2.12"),
        (SpecialOperationType.TemporaryElectricity, "临时用电线路使用耐压不低于500 V的绝缘导线", "§10.2"),
        (SpecialOperationType.TemporaryElectricity, "架空线路现场不低于2.5 m，穿越道路不低于5 m；埋地不浅于0.7 m", "§10.4"),
        (SpecialOperationType.TemporaryElectricity, "每台用电设备一机一闸一保护，装设漏电保护器", "§10.5"),
        (SpecialOperationType.TemporaryElectricity, "不得向其他单位转供电，移动发电机不得与电网连接", "§10.7"),
        (SpecialOperationType.Excavation, "已掌握地下电缆、管道等隐蔽设施分布并交底", "§4.4, §11"),
        (SpecialOperationType.Excavation, "挖出的土石距坑边不小于1 m，堆高不大于1.5 m", "§11.5"),
        (SpecialOperationType.Excavation, "距管道1 m内人工挖掘，深度超过2 m设上下梯子", "§11.6"),
        (SpecialOperationType.Excavation, "多人挖掘时间距不小于2 m", "§11.7"),
        (SpecialOperationType.RoadBreak, "已制定交通组织方案，保证消防车通行", "§12.1"),
        (SpecialOperationType.RoadBreak, "设置警示灯，高度约1.5 m且不低于1.0 m，150 m外可见", "§12.4"),
        (SpecialOperationType.RoadBreak, "作业区域设置路障和警示标志", "§12.3"),
    ];

    /// <summary>The items of <paramref name="type"/>'s checklist in order, as seeded.</summary>
    public static IEnumerable<(string Text, string Clause)> For(SpecialOperationType type) =>
        Items.Where(i => i.Type == type).Select(i => (i.Text, i.Clause));

    /// <summary>Adds the items of the 2022 version that are missing; returns how many were added.</summary>
    public static async Task<int> RunAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var present = await db.Set<PermitMeasureTemplate>().Where(t => t.Version == Version2022)
            .Select(t => new { t.Type, t.Seq }).ToListAsync(cancellationToken);
        var missing = Enum.GetValues<SpecialOperationType>()
            .SelectMany(type => For(type).Select((item, index) => (Type: type, Seq: index + 1, item.Text, item.Clause)))
            .Where(item => !present.Any(p => p.Type == item.Type && p.Seq == item.Seq))
            .Select(item => PermitMeasureTemplate.Of(item.Type, Version2022, item.Seq, item.Text, item.Clause))
            .ToList();
        db.Set<PermitMeasureTemplate>().AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
