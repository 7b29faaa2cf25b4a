using System.Text;
using DualPrevention.Core.Positioning;

namespace DualPrevention.Core.Tests.Positioning;

public class FixPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static FixBatch Parse(string json) => FixPayload.Parse(Encoding.UTF8.GetBytes(json), Now);

    [Fact]
    public void One_fix_in_plan_metres_is_read_with_every_field()
    {
        var batch = Parse("""
            {"tag":" T-001 ","time":"2026-12-07T09:59:58+08:00","x":12.5,"y":-3,"floor":2,"accuracy":0.8,"battery":76,"sos":true,"fall":false}
            """);

        batch.Refusals.ShouldBeEmpty();
        batch.Fixes.ShouldBe([new ReceivedFix(0, "T-001", Now.AddSeconds(-2), 12.5, -3, 2, null, null, 0.8, 76, true, false)]);
        batch.Fixes[0].Time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_fix_in_degrees_needs_no_plan_coordinates()
    {
        var fix = Parse("""[{"tag":"T-2","time":"2026-12-07T01:59:00Z","lat":36.65,"lon":117.12}]""").Fixes.ShouldHaveSingleItem();

        (fix.Latitude, fix.Longitude, fix.X, fix.Sos).ShouldBe((36.65, 117.12, (double?)null, false));
    }

    [Fact]
    public void A_messages_good_fixes_are_kept_and_each_bad_one_is_refused_with_its_index_field_and_reason()
    {
        var batch = Parse("""
            [
              {"tag":"A","time":"2026-12-07T01:59:00Z","x":1,"y":2},
              {"tag":"B","time":"2026-12-07T01:59:00","x":1,"y":2},
              {"tag":"C","time":"2026-12-07T02:10:00Z","x":1,"y":2},
              {"tag":"D","time":"2026-12-05T01:59:00Z","x":1,"y":2},
              {"tag":"E","time":"2026-12-07T01:59:00Z","x":1,"y":2,"battery":101},
              {"tag":"F","time":"2026-12-07T01:59:00Z","x":"1","y":2},
              {"tag":"G","time":"2026-12-07T01:59:00Z","x":1},
              {"time":"2026-12-07T01:59:00Z","x":1,"y":2},
              "H",
              {"tag":"I","time":"2026-12-07T01:59:00Z","lat":91,"lon":2},
              {"tag":"J","time":"2026-12-07T01:59:00Z"},
              {"tag":"K","time":"2026-12-07T01:59:00Z","x":1,"y":2,"sos":"yes"},
              {"tag":"L","time":"2026-12-07T01:59:00Z","x":1,"y":2,"floor":1.5}
            ]
            """);

        batch.Fixes.Select(f => f.Tag).ShouldBe(["A"]);
        batch.Refusals.ShouldBe(
        [
            new FixRefusal(1, "time", FixRejection.Malformed),
            new FixRefusal(2, "time", FixRejection.TooFarInFuture),
            new FixRefusal(3, "time", FixRejection.TooFarInPast),
            new FixRefusal(4, "battery", FixRejection.OutOfRange),
            new FixRefusal(5, "x", FixRejection.Malformed),
            new FixRefusal(6, "y", FixRejection.Malformed),
            new FixRefusal(7, "tag", FixRejection.Malformed),
            new FixRefusal(8, null, FixRejection.Malformed),
            new FixRefusal(9, "lat", FixRejection.OutOfRange),
            new FixRefusal(10, "x", FixRejection.Malformed),
            new FixRefusal(11, "sos", FixRejection.Malformed),
            new FixRefusal(12, "floor", FixRejection.Malformed),
        ]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("{\"tag\":")]
    public void A_body_that_is_no_fix_payload_is_refused_whole_as_malformed(string json)
    {
        var batch = Parse(json);

        batch.Malformed.ShouldBeTrue();
        batch.Refusals.ShouldBe([new FixRefusal(null, null, FixRejection.Malformed)]);
    }

    [Fact]
    public void More_fixes_than_a_message_may_carry_are_refused_whole()
    {
        var fix = """{"tag":"A","time":"2026-12-07T01:59:00Z","x":1,"y":2}""";
        var batch = Parse("[" + string.Join(',', Enumerable.Repeat(fix, FixLimits.MaxFixesPerMessage + 1)) + "]");

        batch.Refusals.ShouldBe([new FixRefusal(null, null, FixRejection.OutOfRange)]);
        Parse("[" + string.Join(',', Enumerable.Repeat(fix, FixLimits.MaxFixesPerMessage)) + "]").Fixes.Count.ShouldBe(FixLimits.MaxFixesPerMessage);
    }

    [Theory]
    [InlineData("x", "100000.1")]
    [InlineData("y", "-1e300")]
    [InlineData("accuracy", "-0.1")]
    [InlineData("floor", "201")]
    [InlineData("lon", "180.5")]
    public void Numbers_beyond_their_range_are_refused_naming_the_field(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2", ["lat"] = "1", ["lon"] = "1", [field] = value };
        var json = """{"tag":"A","time":"2026-12-07T01:59:00Z",""" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        Parse(json).Refusals.ShouldBe([new FixRefusal(0, field, FixRejection.OutOfRange)]);
    }

    [Theory]
    [InlineData("[{\"tag\":\"A\",\"time\":\"2026-12-07T01:59:00Z\",\"x\":1,\"y\":2}] x")]
    [InlineData("{\"tag\":\"A\",\"time\":\"2026-12-07T01:59:00Z\",\"x\":1,\"y\":2}{}")]
    [InlineData("[{\"tag\":\"A\",\"time\":\"2026-12-07T01:59:00Z\",\"x\":1,\"y\":2},")]
    [InlineData("[[[[[[[[[1]]]]]]]]]")]
    public void Content_after_the_value_or_nesting_deeper_than_eight_is_refused_whole(string json)
    {
        Parse(json).Refusals.ShouldBe([new FixRefusal(null, null, FixRejection.Malformed)]);
    }

    [Fact]
    public void A_field_given_twice_counts_with_its_last_value_and_undefined_fields_are_skipped_whatever_they_hold()
    {
        var fix = Parse("""
            {"tag":"A","x":1,"vendor":{"model":"UWB-9","channels":[1,2,{"a":null}]},"x":3,"time":"2026-12-07T01:59:00Z","y":2,"note":[true]}
            """).Fixes.ShouldHaveSingleItem();

        (fix.Tag, fix.X, fix.Y).ShouldBe(("A", (double?)3, (double?)2));
    }

    [Fact]
    public void Nulls_count_as_absent_and_objects_where_numbers_belong_are_malformed()
    {
        Parse("""{"tag":"A","time":"2026-12-07T01:59:00Z","x":1,"y":2,"floor":null,"battery":null,"sos":null}""")
            .Fixes.ShouldHaveSingleItem().Floor.ShouldBeNull();
        Parse("""{"tag":"A","time":"2026-12-07T01:59:00Z","x":{"v":1},"y":2}""")
            .Refusals.ShouldBe([new FixRefusal(0, "x", FixRejection.Malformed)]);
        Parse("""{"tag":["A"],"time":"2026-12-07T01:59:00Z","x":1,"y":2}""")
            .Refusals.ShouldBe([new FixRefusal(0, "tag", FixRejection.Malformed)]);
    }

    /// <summary>Times read straight from the bytes must mean what <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/> makes of them.</summary>
    [Theory]
    [InlineData("2026-12-07T01:59:00Z")]
    [InlineData("2026-12-07T01:59:00z")]
    [InlineData("2026-12-07T09:59:00+08:00")]
    [InlineData("2026-12-06T21:29:00-04:30")]
    [InlineData("2026-12-07T01:59:00.5Z")]
    [InlineData("2026-12-07T01:59:00.123Z")]
    [InlineData("2026-12-07T09:59:00.1234567+08:00")]
    [InlineData("2026-12-07T01:59:00.12345678Z")]
    [InlineData("2026-12-07 01:59:00Z")]
    [InlineData("2026-12-07T01:59Z")]
    [InlineData("2026-02-29T01:59:00Z")]
    [InlineData("2026-12-07T24:00:00Z")]
    [InlineData("2026-12-07T01:59:00+14:30")]
    [InlineData("2026-12-07T01:59:00+0800")]
    [InlineData("2026-12-07T01:59:00")]
    [InlineData("\\u0032026-12-07T01:59:00Z")]
    public void Times_are_read_as_the_framework_reads_them(string time)
    {
        var text = System.Text.Json.JsonSerializer.Deserialize<string>($"\"{time}\"")!;
        var expected = (text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed.ToUniversalTime()
            : (DateTimeOffset?)null;
        var batch = FixPayload.Parse(Encoding.UTF8.GetBytes($$"""{"tag":"A","time":"{{time}}","x":1,"y":2}"""), expected ?? Now);

        if (expected is { } at)
        {
            batch.Fixes.ShouldHaveSingleItem().Time.ShouldBe(at);
            batch.Fixes[0].Time.Offset.ShouldBe(TimeSpan.Zero);
        }
        else
        {
            batch.Refusals.ShouldBe([new FixRefusal(0, "time", FixRejection.Malformed)]);
        }
    }
}
