using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The header texts the importer recognises for each register field, in addition to the platform's own headers
/// (<see cref="RiskRegisterLayout"/>), gathered from the lists enterprises keep. Compared after
/// <see cref="HeaderText.Normalize"/>, so spacing, line breaks, full-width forms and brackets do not matter.
/// An enterprise's saved <see cref="ImportMappingProfile"/> overrides and extends this table.
/// </summary>
public static class RiskRegisterSynonyms
{
    private static readonly Dictionary<RegisterColumn, string[]> Extra = new()
    {
        [RegisterColumn.SerialNo] = ["序号", "序列号", "No", "No."],
        [RegisterColumn.ObjectName] = ["区域", "风险点", "风险点名称", "区域位置", "场所区域", "风险分析对象", "安全风险分析对象", "分析对象", "对象名称", "风险分析对象名称", "危险源名称", "重大危险源名称"],
        [RegisterColumn.ObjectCode] = ["风险点编号", "风险点编码", "对象编码", "危险源编码", "风险分析对象编码", "分析对象编码", "重大危险源编码", "对象代码", "hazardCode"],
        [RegisterColumn.UnitName] = ["工作步骤", "作业活动", "作业活动名称", "工作活动", "作业步骤", "作业步骤名称", "检查项目", "设备设施", "设备设施名称", "设备设施部位", "作业活动设备设施", "项目", "风险分析单元", "安全风险分析单元", "分析单元", "单元名称", "风险分析单元名称", "风险单元"],
        [RegisterColumn.EventName] = ["危害或潜在事件", "危害", "检查标准", "危险因素", "危险源/风险事件", "危险源", "危险源或潜在事件", "危险源及潜在事件", "危害因素", "危险有害因素", "主要危险有害因素", "危害因素描述", "潜在事件", "不符合标准情况及后果", "风险描述", "风险事件", "安全风险事件", "事件名称", "风险事件名称", "风险事件描述"],
        [RegisterColumn.AccidentType] = ["主要后果", "后果", "未达到标准的主要后果", "可能导致的事故", "可能发生的事故类型及后果", "可能导致的事故类型及后果", "主要后果", "事故类型", "可能导致的事故类型", "可能发生的事故类型", "事故类别"],
        [RegisterColumn.Method] = ["评价方法", "风险评价方法", "评估方法", "风险评估方法", "分析方法"],
        [RegisterColumn.Likelihood] = ["L值", "发生事故的可能性L", "事故发生的可能性", "L", "可能性", "可能性L", "L可能性", "事故发生的可能性L", "发生的可能性"],
        [RegisterColumn.Severity] = ["S值", "事故后果严重性", "事故后果严重性S", "S", "严重性", "严重性S", "S严重性", "后果严重性", "后果严重性S"],
        [RegisterColumn.Exposure] = ["E值", "暴露于危险环境的频繁程度", "暴露于危险环境的频繁程度E", "人体暴露于危险环境的频繁程度", "E", "暴露频率", "暴露频率E", "E暴露频率", "频繁程度"],
        [RegisterColumn.Consequence] = ["C值", "发生事故产生的后果", "发生事故产生的后果C", "事故后果C", "C", "后果C", "C后果"],
        [RegisterColumn.Score] = ["风险值(D)", "危险性分值D", "危险性分值", "风险度R", "D=LEC", "R=LS", "R", "D", "R/D", "风险值", "风险值R", "风险值D", "R值", "D值", "风险度", "风险分值", "R=L×S", "D=L×E×C"],
        [RegisterColumn.Level] = ["危险级别", "危险等级", "风险级别颜色", "风险等级(颜色)", "风险分级", "风险等级", "风险级别", "等级", "评价级别", "风险等级颜色"],
        [RegisterColumn.MeasureDescription] = ["现有的控制措施", "现有控制措施", "现有安全控制措施", "现有管控措施", "控制措施", "安全控制措施", "防范措施", "风险控制措施", "主要管控措施", "管控措施(现有)", "管控措施", "管控措施描述", "风险管控措施", "措施内容", "管控措施内容"],
        [RegisterColumn.Classify1] = ["措施分类一级", "管控措施分类一级", "措施分类1", "一级分类", "措施类别一级", "classify1"],
        [RegisterColumn.Classify2] = ["措施分类二级", "管控措施分类二级", "措施分类2", "二级分类", "措施类别二级", "classify2"],
        [RegisterColumn.Classify3] = ["措施分类三级", "管控措施分类三级", "措施分类3", "三级分类", "措施类别三级", "classify3"],
        [RegisterColumn.DataSource] = ["管控方式", "数据来源", "管控手段"],
        [RegisterColumn.InspectionContent] = ["排查内容", "隐患排查内容", "排查项目", "检查内容"],
        [RegisterColumn.CycleValue] = ["检查频次", "排查频次", "巡检频次", "管控频次", "排查周期", "检查周期", "巡检周期", "周期"],
        [RegisterColumn.CycleUnit] = ["周期单位", "排查周期单位", "单位"],
        [RegisterColumn.ControlLevel] = ["管控级别", "管控层级", "管控层次", "管控责任层级"],
        [RegisterColumn.ResponsibleDepartment] = ["责任单位", "管控单位", "责任部门单位", "责任部门", "管控责任部门"],
        [RegisterColumn.ResponsiblePerson] = ["管控责任人", "责任人员", "责任人", "负责人"],
        [RegisterColumn.TaskType] = ["任务类型", "排查任务类型"],
        [RegisterColumn.AccountabilityItemNo] = ["包保任务对应项", "包保任务项", "包保任务对应项序号", "对应项"],
        [RegisterColumn.WorkStartTime] = ["工作开始时间", "开始时间", "作业开始时间"],
        [RegisterColumn.WorkEndTime] = ["工作结束时间", "结束时间", "作业结束时间"],
        [RegisterColumn.WorkDayType] = ["工作日类型", "工作日"],
        [RegisterColumn.EmergencyPhone] = ["应急电话", "应急联系电话", "应急联系方式", "报警电话"],
        [RegisterColumn.EmergencyMeasures] = ["应急处置措施", "应急措施", "应急处置", "应急处置方法"],
        [RegisterColumn.IdentificationDate] = ["辨识日期", "辨识时间", "风险辨识日期", "评价日期", "评价时间", "评估日期", "辨识评价日期"],
    };

    // The variants above are the headers of the lists docs/import-corpus.md names (DB37/T 2882 风险点 lists, JHA/LEC and
    // SCL evaluation records, MEM exchange names, vendors' exports); a header listed twice keeps its first field.
    // A bare 后果 is the accident (the per-device SCL record heads 项目 / 危害 / 后果 beside L/S/R); the LEC templates
    // seen head the consequence factor C, 后果C or 发生事故产生的后果.

    /// <summary>Normalised header text → field.</summary>
    public static IReadOnlyDictionary<string, RegisterColumn> ByHeader { get; } = Build();

    private static Dictionary<string, RegisterColumn> Build()
    {
        var table = new Dictionary<string, RegisterColumn>(StringComparer.Ordinal);
        foreach (var column in RiskRegisterLayout.Columns)
        {
            table[HeaderText.Normalize(column.Header)] = column.Field;
        }

        foreach (var (field, headers) in Extra)
        {
            foreach (var header in headers)
            {
                table.TryAdd(HeaderText.Normalize(header), field);
            }
        }

        return table;
    }
}
