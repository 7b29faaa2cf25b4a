using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// Seeds the 20 items of 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》(安监总管三〔2017〕121号), version "2017"
/// (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria). Items already present are left as administrators
/// edited them.
/// </summary>
public static class SeedMajorHiddenDangerCriteria
{
    /// <summary>The version seeded.</summary>
    public const string Version2017 = "2017";

    private static readonly (string Zh, string En)[] Items2017 =
    [
        ("危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。", "Principal persons or safety managers of a hazardous-chemical producer or trader have not passed the statutory assessment."),
        ("特种作业人员未持证上岗。", "Special-operation workers work without certificates."),
        ("涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求。", "External safety distances of units or storage involving the two keys and one major do not meet national standards."),
        ("涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用。", "Units with key-supervised hazardous processes lack automatic control or emergency shutdown, or these systems are not in use."),
        ("构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统。", "Grade 1/2 major-hazard tank farms lack emergency cut-off; those holding toxic gases, liquefied gases or highly toxic liquids lack an independent SIS."),
        ("全压力式液化烃储罐未按国家标准设置注水措施。", "Fully pressurised liquefied-hydrocarbon tanks lack the water-injection measures required by national standards."),
        ("液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统。", "Liquefied hydrocarbons, ammonia, chlorine and similar gases are loaded without universal-joint loading arms."),
        ("光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域。", "Pipelines of phosgene, chlorine or other highly toxic gases or H2S pass through public areas outside the plant or park."),
        ("地区架空电力线路穿越生产区且不符合国家标准要求。", "Overhead power lines cross the production area in breach of national standards."),
        ("在役化工装置未经正规设计且未进行安全设计诊断。", "In-service chemical units were never formally designed and never given a safety design diagnosis."),
        ("使用淘汰落后安全技术工艺、设备目录列出的工艺、设备。", "Processes or equipment listed in the catalogue of obsolete safety technology are in use."),
        ("涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备。", "No gas detection and alarm where flammable or toxic gas may leak, or non-explosion-proof electrical equipment in explosive areas."),
        ("控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求。", "Control or cabinet rooms facing fire- or explosion-hazard units do not meet fire and explosion protection requirements."),
        ("化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源。", "Chemical units lack the dual power supply required, or automatic control systems lack a UPS."),
        ("安全阀、爆破片等安全附件未正常投用。", "Safety valves, bursting discs and similar safety accessories are not in normal service."),
        ("未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度。", "No post-matched all-staff safety responsibility system, or no hidden-danger inspection and remediation regime in place."),
        ("未制定操作规程和工艺控制指标。", "No operating procedures and process control indicators."),
        ("未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行。", "No special-operation (hot work, confined-space entry, …) rules per national standards, or rules not enforced."),
        ("新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估。", "New processes industrialised without laboratory, pilot and industrial trials; first domestic use without provincial reliability review; new units started without a trial-run plan; fine-chemical plants without reaction safety risk assessment."),
        ("未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存。", "Hazardous chemicals not stored by zone and class, stored over quantity or variety, or incompatible substances stored together."),
    ];

    /// <summary>Adds the items of the 2017 version that are missing; returns how many were added.</summary>
    public static async Task<int> RunAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var present = await db.MajorHiddenDangerCriteria.Where(c => c.Version == Version2017).Select(c => c.No).ToListAsync(cancellationToken);
        var missing = Items2017
            .Select((item, index) => (No: index + 1, item.Zh, item.En))
            .Where(item => !present.Contains(item.No))
            .Select(item => MajorHiddenDangerCriterion.Create(Version2017, item.No, item.Zh, item.En))
            .ToList();
        db.MajorHiddenDangerCriteria.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
