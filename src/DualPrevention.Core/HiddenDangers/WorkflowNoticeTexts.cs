using System.Globalization;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The Chinese title and body of the in-app notifications that hidden-danger workflow steps write (a new report to confirm included), in the style of
/// <see cref="Escalations.EscalationTexts"/>: written once for every recipient at the moment of the step, in the
/// platform's working language (the UI is Chinese first); the link opens the item itself.
/// </summary>
internal static class WorkflowNoticeTexts
{
    public static (string Title, string Body) Reported(string enterprise, HiddenDanger hiddenDanger) =>
        ("新隐患待确认",
            $"{Subject(enterprise, hiddenDanger)}由 {hiddenDanger.ReportedByName} 上报。请确认隐患级别、整改责任人和整改期限。");

    public static (string Title, string Body) RectifierAssigned(string enterprise, HiddenDanger hiddenDanger, string by) =>
        ("您已被指定为隐患整改责任人",
            $"{Subject(enterprise, hiddenDanger)}整改期限 {Date(hiddenDanger.Deadline)}，由 {by} 确认。请按期完成整改，上传整改后照片并提交验收。");

    public static (string Title, string Body) RectificationSubmitted(string enterprise, HiddenDanger hiddenDanger, string by) =>
        ("隐患整改待验收",
            $"{Subject(enterprise, hiddenDanger)}{by} 已提交整改：{hiddenDanger.RectificationNote}。请验收（整改责任人和提交人不能验收）。");

    public static (string Title, string Body) AcceptanceRejected(string enterprise, HiddenDanger hiddenDanger, string by) =>
        ("隐患验收未通过",
            $"{Subject(enterprise, hiddenDanger)}{by} 验收未通过：{hiddenDanger.AcceptanceComment}。请重新整改，整改期限 {Date(hiddenDanger.Deadline)}。");

    public static (string Title, string Body) ExtensionDecided(string enterprise, HiddenDanger hiddenDanger, DeadlineExtensionRequest request, string by)
    {
        var comment = request.DecisionComment is { } text ? $"审批意见：{text}。" : "";
        return request.Decision == ExtensionDecision.Approved
            ? ("延期申请已批准",
                $"{Subject(enterprise, hiddenDanger)}延期申请已由 {by} 批准，整改期限由 {Date(request.PreviousDeadline)} 延至 {Date(request.RequestedDeadline)}。{comment}")
            : ("延期申请未批准",
                $"{Subject(enterprise, hiddenDanger)}延期至 {Date(request.RequestedDeadline)} 的申请未获 {by} 批准，整改期限仍为 {Date(request.PreviousDeadline)}。{comment}");
    }

    public static (string Title, string Body) Posted(string enterprise, HiddenDanger hiddenDanger, Posting posting) =>
        ("重大隐患已被挂牌督办",
            $"{Subject(enterprise, hiddenDanger)}已由 {posting.Organisation.Trim()} 挂牌督办（{posting.NoticeNo.Trim()}），督办期限 {Date(posting.Deadline)}。请按治理方案限期整改。");

    private static string Subject(string enterprise, HiddenDanger hiddenDanger) =>
        $"{enterprise}：{(hiddenDanger.Level == HiddenDangerLevel.Major ? "重大隐患" : "一般隐患")}「{hiddenDanger.Name}」，";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未定";
}
