namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// One row of a historical ledger (隐患排查治理台账) as read from Excel, the input of <see cref="HiddenDanger.FromLedger"/>.
/// Dates are local; people are named as the ledger names them, with their account when the name is unique.
/// </summary>
/// <param name="LedgerNo">序号/编号, or a stable hash of date and description; the natural key of a re-import.</param>
/// <param name="State">Already mapped: a closed major one is <see cref="HiddenDangerState.ClosedOut"/>.</param>
/// <param name="FoundOn">检查时间: the local date it was found and registered.</param>
/// <param name="AcceptedOn">复查日期: the local date it was accepted, when the ledger states it.</param>
/// <param name="CostTenThousandYuan">治理资金 in 万元.</param>
public sealed record LedgerEntry(
    string LedgerNo, string Name, string Description, HiddenDangerLevel Level, HiddenDangerState State, HiddenDangerCategory? Category,
    RemediationType? RemediationType, string? Location, string? RemediationMeasures, string? CauseAnalysis, decimal? CostTenThousandYuan,
    Guid? RectifierUserId, string? RectifierName, DateOnly FoundOn, DateOnly? Deadline, Guid? AccepterUserId, string? AccepterName,
    DateOnly? AcceptedOn, string? AcceptanceComment);
