using System.Reflection;
using DualPrevention.Core.Data;

namespace DualPrevention.Testing;

/// <summary>Every <see cref="StateSet{TEnum}"/> DualPrevention.Core declares, found by reflection so a new set is checked without being listed.</summary>
public static class DeclaredStateSets
{
    /// <summary>One set as the tests read it, its values as the integers stored.</summary>
    public sealed record Set(string Name, Type EnumType, IReadOnlyList<long> Members, IReadOnlyList<long> Excluded, Func<string, string> Sql)
    {
        /// <summary>Every value of the enum, as stored.</summary>
        public IReadOnlyList<long> AllValues => Enum.GetValues(EnumType).Cast<object>().Select(Convert.ToInt64).ToList();

        public override string ToString() => Name;
    }

    /// <summary>The sets by "Class.Field", e.g. "HiddenDangerStates.Open".</summary>
    public static IReadOnlyDictionary<string, Set> All { get; } = typeof(StateSet<>).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(StateSet<>))
        .Select(f => Read($"{f.DeclaringType!.Name}.{f.Name}", f.GetValue(null)!))
        .ToDictionary(s => s.Name);

    /// <summary>Reads any <see cref="StateSet{TEnum}"/>, declared in Core or made by a test.</summary>
    public static Set Read(string name, object stateSet)
    {
        var type = stateSet.GetType();
        var members = (System.Collections.IEnumerable)type.GetProperty(nameof(StateSet<DayOfWeek>.Members))!.GetValue(stateSet)!;
        var excluded = (System.Collections.IEnumerable)type.GetProperty(nameof(StateSet<DayOfWeek>.Excluded))!.GetValue(stateSet)!;
        var sql = type.GetMethod(nameof(StateSet<DayOfWeek>.Sql))!;
        return new Set(
            name, type.GetGenericArguments()[0], members.Cast<object>().Select(Convert.ToInt64).ToList(),
            excluded.Cast<object>().Select(Convert.ToInt64).ToList(), column => (string)sql.Invoke(stateSet, [column])!);
    }

    /// <summary>What is wrong with how <paramref name="set"/> places its enum's values; empty when each is in or out exactly once.</summary>
    public static IReadOnlyList<string> Problems(Set set)
    {
        var problems = new List<string>();
        var placed = set.Members.Concat(set.Excluded).ToList();
        problems.AddRange(set.AllValues.Where(v => !placed.Contains(v)).Select(v => $"{Enum.ToObject(set.EnumType, v)} is neither in the set nor excluded from it"));
        problems.AddRange(placed.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{Enum.ToObject(set.EnumType, g.Key)} is placed twice"));
        if (set.Members.Count == 0)
        {
            problems.Add("the set is empty");
        }

        return problems;
    }
}
