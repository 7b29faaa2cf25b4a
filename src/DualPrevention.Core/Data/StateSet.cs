namespace DualPrevention.Core.Data;

/// <summary>
/// A named set of enum values — the open states of a hidden danger, the windows not yet judged — declared once with
/// both the values it holds and the values it leaves out, so every member of the enum is placed on purpose
/// (<c>StateSetTests</c> fail when a new member is in neither list). Entities ask <see cref="Contains"/>, LINQ queries
/// <c>Members.Contains(column)</c>, and SQL statements and index filters splice in <see cref="Sql"/>: one definition
/// for all three (ADR 0014).
/// </summary>
/// <typeparam name="TEnum">An enum EF Core stores as its integer.</typeparam>
public sealed class StateSet<TEnum>
    where TEnum : struct, Enum
{
    /// <param name="members">The values in the set.</param>
    /// <param name="excluded">Every other value of the enum, named so that leaving it out is a decision.</param>
    public StateSet(TEnum[] members, TEnum[] excluded)
    {
        Members = members;
        Excluded = excluded;
    }

    /// <summary>The values in the set, in declaration order; an array, so EF Core translates <c>Members.Contains(column)</c>.</summary>
    public TEnum[] Members { get; }

    /// <summary>The values the set leaves out.</summary>
    public IReadOnlyList<TEnum> Excluded { get; }

    public bool Contains(TEnum value) => Array.IndexOf(Members, value) >= 0;

    /// <summary>
    /// SQL that is true when <paramref name="column"/> (e.g. <c>h.state</c>) holds a member: <c>IN</c> the members or
    /// <c>NOT IN</c> the excluded values, whichever list is shorter (members on a tie). Over a NOT NULL column both mean
    /// the same; the shorter keeps statements and index predicates in the form they were written in, and a partial
    /// index serves a query only when both use the same form.
    /// </summary>
    public string Sql(string column) =>
        Excluded.Count < Members.Length ? EnumSql.NotIn(column, Excluded) : EnumSql.In(column, Members);
}
