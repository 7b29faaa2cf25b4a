using System.Globalization;
using System.Text;
using DualPrevention.Core.HiddenDangers;

namespace DualPrevention.Core.Imports;

/// <summary>The words ledgers write for levels, states, categories and remediation types, and the dates they write.</summary>
public static class LedgerWords
{
    /// <summary>What the ledger's state says, before the level decides between accepted and closed out.</summary>
    public enum StateWord
    {
        Done = 1,
        Rectifying,
        PendingAcceptance,
        PendingConfirmation,
        Invalidated,
    }

    private static readonly Dictionary<string, HiddenDangerLevel> Levels = Words(
        (HiddenDangerLevel.General, ["一般事故隐患", "一般隐患", "一般"]),
        (HiddenDangerLevel.Major, ["重大事故隐患", "重大隐患", "重大"]));

    private static readonly Dictionary<string, StateWord> States = Words(
        (StateWord.Done, ["关闭", "已关闭", "已验收", "验收通过", "已整改", "整改完成", "已完成", "完成", "闭环", "已闭环", "销号", "已销号"]),
        (StateWord.Rectifying, ["整改中", "未整改", "待整改", "未完成", "治理中"]),
        (StateWord.PendingAcceptance, ["待验收", "待复查", "已提交"]),
        (StateWord.PendingConfirmation, ["待确认", "待审核"]),
        (StateWord.Invalidated, ["作废", "已作废"]));

    private static readonly Dictionary<string, HiddenDangerCategory> Categories = Words(
        (HiddenDangerCategory.Safety, ["安全"]),
        (HiddenDangerCategory.Process, ["工艺"]),
        (HiddenDangerCategory.Electrical, ["电气"]),
        (HiddenDangerCategory.Instrumentation, ["仪表"]),
        (HiddenDangerCategory.FireProtection, ["消防"]),
        (HiddenDangerCategory.SiteLayout, ["总图"]),
        (HiddenDangerCategory.Equipment, ["设备"]),
        (HiddenDangerCategory.Other, ["其他", "其它"]));

    private static readonly Dictionary<string, RemediationType> RemediationTypes = Words(
        (RemediationType.FixOnSpot, ["即查即改", "当场纠正", "立即整改", "现场整改"]),
        (RemediationType.FixByDeadline, ["限期整改", "限时整改"]));

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>Words accepted for levels and states, for messages.</summary>
    public static string ExpectedLevels => "一般事故隐患, 重大事故隐患";

    public static string ExpectedStates => "关闭, 已验收, 已整改, 整改中, 待验收, 待确认, 作废";

    public static HiddenDangerLevel? Level(string text) => Levels.TryGetValue(HeaderText.Normalize(text), out var level) ? level : null;

    public static StateWord? State(string text) => States.TryGetValue(HeaderText.Normalize(text), out var state) ? state : null;

    /// <summary>A category word, also with 类 or 隐患 around it ("电气类", "消防隐患").</summary>
    public static HiddenDangerCategory? Category(string text)
    {
        var key = HeaderText.Normalize(text).Replace("隐患", "", StringComparison.Ordinal).TrimEnd('类');
        return Categories.TryGetValue(key, out var category) ? category : null;
    }

    public static RemediationType? Remediation(string text) => RemediationTypes.TryGetValue(HeaderText.Normalize(text), out var type) ? type : null;

    /// <summary>A date from a date cell, an Excel serial number, or text (yyyy-MM-dd, yyyy/M/d, yyyy年M月d日; a time after it is ignored).</summary>
    public static DateOnly? Date(object? value) => value switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        double d when d is >= 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(d))),
        string s => ParseText(s),
        _ => null,
    };

    private static DateOnly? ParseText(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        var datePart = space > 0 ? folded[..space] : folded;
        return DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] table) =>
        table.SelectMany(t => t.Words.Select(w => (Key: HeaderText.Normalize(w), t.Value))).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
}
