using DualPrevention.Core.HiddenDangers;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The Chinese title and body of an escalation's notification, as SQL expressions over the row <c>a</c> of
/// <see cref="NotifyEscalationsSql.NotifyBatch"/>. Written once into the inbox for every recipient when the record
/// is fanned out (within a minute of the step; days overdue count from the day it fired), in the platform's
/// working language (the UI is Chinese first); the link opens the item itself.
/// </summary>
internal static class EscalationTexts
{
    public static readonly string TitleSql = $"""
        CASE a.trig
          WHEN {(int)EscalationTrigger.BeforeDeadline} THEN CASE WHEN a.overdue_days < 0 THEN '隐患整改即将到期' ELSE '隐患整改今日到期' END
          WHEN {(int)EscalationTrigger.Overdue} THEN CASE WHEN a.level = {(int)HiddenDangerLevel.Major} THEN '重大隐患整改已逾期' ELSE '隐患整改已逾期' END
          WHEN {(int)EscalationTrigger.Registered} THEN '重大隐患已登记'
          WHEN {(int)EscalationTrigger.PostedOverdue} THEN '挂牌督办重大隐患已逾期'
          ELSE '排查任务漏检'
        END
        """;

    public static readonly string BodySql = $"""
        CASE WHEN a.subject = {(int)EscalationSubject.HiddenDanger} THEN
          format('%s：%s「%s」，整改期限 %s，整改责任人 %s。%s',
                 a.enterprise_name,
                 CASE WHEN a.level = {(int)HiddenDangerLevel.Major} THEN '重大隐患' ELSE '一般隐患' END,
                 a.hidden_danger_name,
                 coalesce(to_char(a.deadline, 'YYYY-MM-DD'), '未定'),
                 coalesce(nullif(a.rectifier_name, ''), '未指定'),
                 CASE a.trig
                   WHEN {(int)EscalationTrigger.BeforeDeadline} THEN CASE WHEN a.overdue_days < 0 THEN format('距整改期限还有 %s 天，请按期完成整改。', -a.overdue_days)
                                    ELSE '今日到期，请按期完成整改并申请验收。' END
                   WHEN {(int)EscalationTrigger.Overdue} THEN format('已逾期 %s 天，请督促整改。', a.overdue_days)
                   WHEN {(int)EscalationTrigger.Registered} THEN '已报告属地应急管理部门，请尽快制定治理方案。'
                   ELSE '已超过挂牌督办期限，请督促整改。'
                 END)
        ELSE
          format('%s 在 %s 有 %s 个排查任务漏检，已列入督办清单。', a.enterprise_name, a.period, a.missed)
        END
        """;
}
