using System.Text;
using DualPrevention.Core.Monitoring;

namespace DualPrevention.Core.Tests.Monitoring;

/// <summary>Limit evaluation reading by reading (ADR 0050): debounce, one alarm per band and episode, thinning, late readings; the payload and the point's limits.</summary>
public class EvaluationTests
{
    private static readonly Limits Tank = new(0, 100, 10, 20, 80, 95, 10);
    private static readonly Evaluation.Thinning Thin = new(0.005, TimeSpan.FromSeconds(300));
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly Evaluation.State Fresh = new(null, null, LimitBand.Normal, LimitBand.Normal, null, LimitBand.Normal, null, null);

    [Theory]
    [InlineData(50, LimitBand.Normal)]
    [InlineData(80, LimitBand.High)]
    [InlineData(94.9, LimitBand.High)]
    [InlineData(95, LimitBand.HighHigh)]
    [InlineData(20, LimitBand.Low)]
    [InlineData(10, LimitBand.LowLow)]
    public void A_value_at_a_limit_has_reached_it(double value, LimitBand band) => Tank.BandOf(value).ShouldBe(band);

    [Fact]
    public void A_value_must_stay_beyond_a_limit_for_the_debounce_before_it_alarms_once()
    {
        var (state, alarms) = Run(Fresh, (0, 85), (5, 85), (9, 85));
        alarms.ShouldBeEmpty();
        state.Band.ShouldBe(LimitBand.Normal);

        (state, alarms) = Run(state, (10, 85), (20, 86), (30, 87));
        alarms.Select(a => (a.Band, a.EnteredAt)).ShouldBe([(LimitBand.High, T0)]);
        state.Band.ShouldBe(LimitBand.High);
    }

    [Fact]
    public void Noise_across_a_limit_never_alarms()
    {
        var (state, alarms) = Run(Fresh, [.. Enumerable.Range(0, 100).Select(i => (i, i % 2 == 0 ? 81.0 : 79.0))]);
        alarms.ShouldBeEmpty();
        state.Band.ShouldBe(LimitBand.Normal);
    }

    [Fact]
    public void Getting_worse_or_crossing_sides_alarms_again_but_falling_back_does_not_and_normal_ends_the_episode()
    {
        var (_, alarms) = Run(Fresh, (0, 85), (10, 85), (20, 96), (30, 96), (40, 85), (50, 85), (60, 50), (70, 50), (80, 85), (90, 85), (100, 5), (110, 5));
        alarms.Select(a => a.Band).ShouldBe([LimitBand.High, LimitBand.HighHigh, LimitBand.High, LimitBand.LowLow]);
    }

    [Fact]
    public void A_late_or_repeated_reading_changes_nothing_and_readings_are_kept_on_change_or_after_the_keep_interval()
    {
        var (state, _) = Run(Fresh, (0, 40));
        var late = Evaluation.Next(state, Tank, Thin, T0, 99);
        late.Late.ShouldBeTrue();
        late.State.ShouldBe(state);

        Evaluation.Next(state, Tank, Thin, T0.AddSeconds(1), 40.4).Keep.ShouldBeFalse();
        Evaluation.Next(state, Tank, Thin, T0.AddSeconds(1), 40.6).Keep.ShouldBeTrue();
        Evaluation.Next(state, Tank, Thin, T0.AddSeconds(300), 40).Keep.ShouldBeTrue();
    }

    [Fact]
    public void The_payload_is_one_reading_or_an_array_and_each_bad_reading_is_refused_by_its_index_and_field()
    {
        var now = T0;
        ReadingPayload.Parse("""{"point":"LT-1","time":"2026-12-07T08:00:00Z","value":1.5}"""u8, now).Readings
            .ShouldBe([new Reading(0, "LT-1", T0, 1.5)]);
        var batch = ReadingPayload.Parse(Encoding.UTF8.GetBytes("""
            [{"point":"LT-1","time":"2026-12-07T16:00:00+08:00","value":2},{"time":"2026-12-07T08:00:00Z","value":1},
             {"point":"LT-1","time":"2026-12-09T08:00:00Z","value":1},{"point":"LT-1","time":"2026-12-07T08:00:00Z","value":null}]
            """), now);
        batch.Readings.ShouldBe([new Reading(0, "LT-1", T0, 2)]);
        batch.Refusals.ShouldBe([
            new ReadingRefusal(1, "point", ReadingRejection.Malformed), new ReadingRefusal(2, "time", ReadingRejection.OutOfTime),
            new ReadingRefusal(3, "value", ReadingRejection.Malformed)]);
        ReadingPayload.Parse("not json"u8, now).RefusedWhole.ShouldBeTrue();
        ReadingPayload.Parse("[]"u8, now).RefusedWhole.ShouldBeTrue();
    }

    [Fact]
    public void Limits_must_rise_and_lie_within_the_range()
    {
        var validator = new MonitoringPointDetailsValidator();
        var good = new MonitoringPointDetails("LT-101", "1#储罐液位", MonitoringPointKind.TankLevel, "%", 0, 100, 10, 20, 80, 95, 10, 10);

        validator.Validate(good).IsValid.ShouldBeTrue();
        validator.Validate(good with { High = null, Low = null }).IsValid.ShouldBeTrue();
        validator.Validate(good with { High = 96 }).Errors.Select(e => e.PropertyName).ShouldBe(["HighHigh"]);
        validator.Validate(good with { HighHigh = 101 }).Errors.Select(e => e.PropertyName).ShouldBe(["HighHigh"]);
        validator.Validate(good with { LowLow = null, Low = null, High = null, HighHigh = null }).Errors.Select(e => e.PropertyName).ShouldBe(["High"]);
        validator.Validate(good with { RangeHigh = 0 }).IsValid.ShouldBeFalse();
    }

    private static (Evaluation.State State, List<Evaluation.Excursion> Alarms) Run(Evaluation.State state, params (int Second, double Value)[] readings)
    {
        var alarms = new List<Evaluation.Excursion>();
        foreach (var (second, value) in readings)
        {
            var step = Evaluation.Next(state, Tank, Thin, T0.AddSeconds(second), value);
            state = step.State;
            if (step.Alarm is { } alarm)
            {
                alarms.Add(alarm);
            }
        }

        return (state, alarms);
    }
}
