using System.Globalization;
using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core;

/// <summary>
/// The dates the platform accepts anywhere (ADR 0016): local days 2000-01-01 … 2100-12-31, instants from
/// 2000-01-01 00:00 to 2101-01-01 00:00 Beijing time. Validators refuse anything outside, queries answer 400, and the
/// database's CHECK constraints hold every date and timestamp column to the same range, so <c>infinity</c> (what
/// Npgsql stores for <see cref="DateOnly.MaxValue"/>) never enters it.
/// </summary>
public static class WorldDates
{
    public static DateOnly First { get; } = new(2000, 1, 1);

    public static DateOnly Last { get; } = new(2100, 12, 31);

    /// <summary>UTC instant of 2000-01-01 00:00 Beijing time, inclusive.</summary>
    public static DateTimeOffset Start { get; } = BusinessTime.FromLocal(First.ToDateTime(TimeOnly.MinValue));

    /// <summary>UTC instant of 2101-01-01 00:00 Beijing time, exclusive.</summary>
    public static DateTimeOffset End { get; } = BusinessTime.FromLocal(Last.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The last instant the database stores, one second before <see cref="End"/>: "for good" (an account locked until unlocked).</summary>
    public static DateTimeOffset LastInstant { get; } = End.AddSeconds(-1);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>A local (Asia/Shanghai) or UTC date-time; an unspecified kind is read as local wall-clock time.</summary>
    public static bool Contains(DateTime dateTime) => Contains(DateOnly.FromDateTime(dateTime.Kind == DateTimeKind.Utc ? BusinessTime.ToLocal(dateTime).DateTime : dateTime));

    /// <summary>Whether a value of any date type lies within the world; values of other types always do.</summary>
    public static bool Contains(object? value) => value switch
    {
        DateOnly date => Contains(date),
        DateTimeOffset instant => Contains(instant),
        DateTime dateTime => Contains(dateTime),
        _ => true,
    };

    /// <summary>The refusal naming the range, e.g. "must lie between 2000-01-01 and 2100-12-31".</summary>
    public static string Refusal() =>
        CoreText.Get("Date.OutsideWorld", First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static IRuleBuilderOptions<T, DateOnly> WithinWorld<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(d => Contains(d)).WithMessage(_ => Refusal());

    public static IRuleBuilderOptions<T, DateOnly?> WithinWorld<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is not { } date || Contains(date)).WithMessage(_ => Refusal());

    public static IRuleBuilderOptions<T, DateTime> WithinWorld<T>(this IRuleBuilder<T, DateTime> rule) =>
        rule.Must(d => Contains(d)).WithMessage(_ => Refusal());

    public static IRuleBuilderOptions<T, DateTimeOffset?> WithinWorld<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.Must(d => d is not { } instant || Contains(instant)).WithMessage(_ => Refusal());
}
