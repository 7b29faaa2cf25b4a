using DualPrevention.Core.Data;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// Every state set places every member of its enum, in or out, exactly once: adding a member to HiddenDangerState,
/// InspectionTaskStatus or any enum a set is made of fails here until each of its sets decides about it.
/// </summary>
public class StateSetTests
{
    public static TheoryData<string> Sets => [.. DeclaredStateSets.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_state_set_places_every_member_of_its_enum_once(string set)
    {
        DeclaredStateSets.Problems(DeclaredStateSets.All[set]).ShouldBeEmpty(set);
    }

    [Fact]
    public void Every_state_enum_has_its_sets()
    {
        DeclaredStateSets.All.Values.Select(s => s.EnumType.Name).Distinct().Order(StringComparer.Ordinal).ShouldBe(
            ["AlarmStatus", "DeliveryStatus", "EscalationTrigger", "HiddenDangerState", "InspectionTaskStatus", "InspectionTaskType", "ReportExportStatus"]);
    }

    [Fact]
    public void A_member_left_out_of_both_lists_or_placed_twice_is_named()
    {
        var unplaced = DeclaredStateSets.Read("Weekend", new StateSet<DayOfWeek>(
            [DayOfWeek.Saturday, DayOfWeek.Sunday], [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Sunday]));

        DeclaredStateSets.Problems(unplaced).ShouldBe(["Friday is neither in the set nor excluded from it", "Sunday is placed twice"]);
    }
}
