using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Tests.Data;

/// <summary>How a state set is written into SQL: from the enum's stored values, as the shorter of its two lists.</summary>
public class StateSetSqlTextTests
{
    [Fact]
    public void A_set_with_fewer_members_than_exclusions_is_written_as_IN_its_members()
    {
        HiddenDangerStates.Open.Sql("h.state").ShouldBe("h.state IN (1, 2, 3)");
        InspectionTaskStates.Unfinished.Sql("status").ShouldBe("status IN (0, 1)");
    }

    [Fact]
    public void A_set_with_fewer_exclusions_than_members_is_written_as_NOT_IN_its_exclusions()
    {
        HiddenDangerStates.Counted.Sql("state").ShouldBe("state NOT IN (0, 5)");
        InspectionTaskStates.Counted.Sql("t.status").ShouldBe("t.status <> 5");
    }

    [Fact]
    public void A_single_value_is_written_as_an_equality()
    {
        DeliveryStates.Pending.Sql("status").ShouldBe("status = 0");
    }

    [Fact]
    public void Overdue_in_SQL_is_an_open_state_and_a_deadline_before_the_day()
    {
        HiddenDangerStates.OverdueSql("h", "@today").ShouldBe("h.state IN (1, 2, 3) AND h.deadline < @today");
    }

    [Fact]
    public void An_empty_list_is_refused_rather_than_written_as_SQL_that_matches_nothing()
    {
        Should.Throw<ArgumentException>(() => EnumSql.In<DayOfWeek>("d", []));
    }
}
