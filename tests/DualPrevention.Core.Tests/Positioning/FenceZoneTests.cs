using DualPrevention.Core.Positioning;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Tests.Positioning;

/// <summary>The in-memory zone test and the fence options' ranges (ADR 0040).</summary>
public class FenceZoneTests
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    [Fact]
    public void The_index_finds_the_zones_holding_a_point_and_none_outside()
    {
        var index = new ZoneIndex([Fence(Square(0, 0, 10)), Fence(Square(5, 5, 10)), Fence(Square(100, 100, 1))]);

        index.Containing(7, 7).Count.ShouldBe(2);
        index.Containing(1, 1).Count.ShouldBe(1);
        index.Containing(50, 50).ShouldBeEmpty();
        index.Containing(-0.01, 5).ShouldBeEmpty("just outside the edge");
    }

    [Theory]
    [InlineData(9, 0, 17, 0, 8, 59, false)]
    [InlineData(9, 0, 17, 0, 9, 0, true)]
    [InlineData(9, 0, 17, 0, 17, 0, false)]
    [InlineData(20, 0, 6, 0, 23, 30, true)]
    [InlineData(20, 0, 6, 0, 5, 59, true)]
    [InlineData(20, 0, 6, 0, 12, 0, false)]
    public void Hours_are_from_inclusive_until_exclusive_and_may_span_midnight(int fromH, int fromM, int untilH, int untilM, int atH, int atM, bool admitted)
    {
        var fence = Fence(Square(0, 0, 1), PersonTypes.Employee, new TimeOnly(fromH, fromM), new TimeOnly(untilH, untilM));

        fence.Admits(Guid.NewGuid(), PersonTypes.Employee, new TimeOnly(atH, atM)).ShouldBe(admitted);
    }

    [Fact]
    public void A_type_not_allowed_is_refused_at_any_hour_and_a_zone_without_hours_admits_all_day()
    {
        var fence = Fence(Square(0, 0, 1), PersonTypes.Employee | PersonTypes.Contractor);

        fence.Admits(Guid.NewGuid(), PersonTypes.Visitor, new TimeOnly(10, 0)).ShouldBeFalse();
        fence.Admits(Guid.NewGuid(), PersonTypes.Contractor, new TimeOnly(3, 0)).ShouldBeTrue();
    }

    [Fact]
    public void A_whitelisted_person_of_a_type_not_allowed_is_admitted_within_the_hours_only()
    {
        var fence = Fence(Square(0, 0, 1), PersonTypes.Employee, new TimeOnly(8, 0), new TimeOnly(18, 0));
        var approved = Guid.NewGuid();
        fence.Whitelisted.Add(approved);

        fence.Admits(approved, PersonTypes.Visitor, new TimeOnly(10, 0)).ShouldBeTrue();
        fence.Admits(approved, PersonTypes.Visitor, new TimeOnly(19, 0)).ShouldBeFalse();
        fence.Admits(Guid.NewGuid(), PersonTypes.Visitor, new TimeOnly(10, 0)).ShouldBeFalse();
    }

    [Fact]
    public void Options_out_of_range_are_named_and_the_defaults_pass()
    {
        new FenceOptions().Problems().ShouldBeEmpty();
        var wrong = new FenceOptions
        {
            DebounceSeconds = 0,
            StillRadiusMetres = double.NaN,
            OfflineMinutes = 0,
            LowBatteryPercent = 100,
            ZoneRefreshSeconds = 0,
            LeftZoneMinutes = 0,
            GatheringPersons = 1,
            GatheringRadiusMetres = 0,
            EscortMetres = double.NaN,
        };

        wrong.Problems().Count.ShouldBe(9);
        wrong.Problems()[0].ShouldContain("DebounceSeconds");
    }

    private static ZoneIndex.Fence Fence(Polygon outline, PersonTypes allowed = PersonTypes.Employee, TimeOnly? from = null, TimeOnly? until = null) =>
        ZoneIndex.Fence.Of(Zone.Draw(
            SitePlan.Create(Guid.NewGuid(), "370200", "plan", 100, 100, new PlanScale(0, 100, 1), DateTimeOffset.UnixEpoch),
            new ZoneDetails("zone", outline, RiskColor.Red, AllowedPersonTypes: allowed, AllowedFrom: from, AllowedUntil: until),
            ZoneSource.Manual,
            DateTimeOffset.UnixEpoch));

    private static Polygon Square(double x, double y, double side) =>
        Metres.CreatePolygon([new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);
}
