using System.Text;
using DualPrevention.Core.VideoAlarms;

namespace DualPrevention.Core.Tests.VideoAlarms;

public class VideoAlarmPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static VideoAlarmReading Parse(string json) => VideoAlarmPayload.Parse(Encoding.UTF8.GetBytes(json), Now);

    private static void ShouldBeRefused(string json, VideoAlarmRejection reason, string? field) =>
        Parse(json).ShouldSatisfyAllConditions(
            r => r.Alarm.ShouldBeNull(),
            r => r.Refusal.ShouldBe(new VideoAlarmRefusal(reason, field)));

    [Fact]
    public void An_alarm_is_read_with_every_field()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47]);
        var reading = Parse($$"""
            {"camera":" 37010200001320000017 ","vendor":"dahua","algorithm":"SmokingDetect","time":"2026-12-07T09:59:58+08:00",
             "confidence":0.87,"boxes":[{"x":0.1,"y":0.2,"w":0.3,"h":0.4}],"snapshot":"{{png}}",
             "snapshotUrl":"https://box.example.cn/s/1.jpg","clipUrl":"http://box.example.cn/c/1.mp4","eventId":41857}
            """);

        reading.Refusal.ShouldBeNull();
        var alarm = reading.Alarm!;
        alarm.ShouldSatisfyAllConditions(
            a => a.Camera.ShouldBe("37010200001320000017"),
            a => a.CodeSet.ShouldBe("dahua"),
            a => a.Category.ShouldBe(VideoAlarmCategory.Smoking),
            a => a.OccurredAt.ShouldBe(Now.AddSeconds(-2)),
            a => a.OccurredAt.Offset.ShouldBe(TimeSpan.Zero),
            a => a.Confidence.ShouldBe(0.87),
            a => a.Boxes.ShouldBe([new VideoAlarmBox(0.1, 0.2, 0.3, 0.4)]),
            a => a.Snapshot.ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
            a => a.SnapshotUrl.ShouldBe("https://box.example.cn/s/1.jpg"),
            a => a.ClipUrl.ShouldBe("http://box.example.cn/c/1.mp4"),
            a => a.EventId.ShouldBe("41857"));
    }

    [Fact]
    public void Without_an_event_id_the_same_occurrence_gets_the_same_derived_id_and_another_a_different_one()
    {
        const string first = """{"camera":"c1","algorithm":"FireFlame","time":"2026-12-07T01:59:00Z"}""";
        var id = Parse(first).Alarm!.EventId;

        Parse(first).Alarm!.EventId.ShouldBe(id);
        Parse("""{"camera":"c1","algorithm":"fireflame","time":"2026-12-07T09:59:00+08:00"}""").Alarm!.EventId.ShouldBe(id);
        Parse("""{"camera":"c2","algorithm":"FireFlame","time":"2026-12-07T01:59:00Z"}""").Alarm!.EventId.ShouldNotBe(id);
        id.Length.ShouldBeLessThanOrEqualTo(VideoAlarmPayload.MaxEventIdLength);
    }

    [Theory]
    [InlineData("not json", VideoAlarmRejection.Malformed, null)]
    [InlineData("""[{"camera":"c1"}]""", VideoAlarmRejection.Malformed, null)]
    [InlineData("""{"algorithm":"Smoking","time":"2026-12-07T01:59:00Z"}""", VideoAlarmRejection.Malformed, "camera")]
    [InlineData("""{"camera":"c1","time":"2026-12-07T01:59:00Z"}""", VideoAlarmRejection.Malformed, "algorithm")]
    [InlineData("""{"camera":"c1","algorithm":"VideoMotion","time":"2026-12-07T01:59:00Z"}""", VideoAlarmRejection.UnknownAlgorithm, "algorithm")]
    [InlineData("""{"camera":"c1","vendor":"axis","algorithm":"Smoking","time":"2026-12-07T01:59:00Z"}""", VideoAlarmRejection.UnknownVendor, "vendor")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T09:59:00"}""", VideoAlarmRejection.Malformed, "time")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":1796619511}""", VideoAlarmRejection.Malformed, "time")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T02:06:00Z"}""", VideoAlarmRejection.TooFarInFuture, "time")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-06T01:59:00Z"}""", VideoAlarmRejection.TooFarInPast, "time")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","confidence":92}""", VideoAlarmRejection.OutOfRange, "confidence")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","confidence":"high"}""", VideoAlarmRejection.Malformed, "confidence")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","boxes":[{"x":0.8,"y":0,"w":0.3,"h":0.1}]}""", VideoAlarmRejection.OutOfRange, "boxes")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","boxes":[{"x":0.1,"y":0}]}""", VideoAlarmRejection.Malformed, "boxes")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","snapshot":"not base64!"}""", VideoAlarmRejection.Malformed, "snapshot")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","snapshotUrl":"ftp://box/1.jpg"}""", VideoAlarmRejection.Malformed, "snapshotUrl")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","clipUrl":"clip.mp4"}""", VideoAlarmRejection.Malformed, "clipUrl")]
    [InlineData("""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","eventId":""}""", VideoAlarmRejection.Malformed, "eventId")]
    public void A_bad_message_is_refused_naming_its_reason_and_field(string json, VideoAlarmRejection reason, string? field) =>
        ShouldBeRefused(json, reason, field);

    [Fact]
    public void More_boxes_than_the_limit_are_out_of_range()
    {
        var boxes = string.Join(',', Enumerable.Repeat("""{"x":0,"y":0,"w":0.1,"h":0.1}""", VideoAlarmLimits.MaxBoxes + 1));
        ShouldBeRefused($$"""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","boxes":[{{boxes}}]}""", VideoAlarmRejection.OutOfRange, "boxes");
    }

    [Fact]
    public void A_snapshot_over_the_limit_is_refused_naming_the_snapshot()
    {
        var snapshot = Convert.ToBase64String(new byte[VideoAlarmLimits.MaxSnapshotBytes + 1]);
        ShouldBeRefused($$"""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","snapshot":"{{snapshot}}"}""", VideoAlarmRejection.SnapshotTooLarge, "snapshot");
    }

    [Fact]
    public void A_snapshot_at_the_limit_is_read()
    {
        var snapshot = Convert.ToBase64String(new byte[VideoAlarmLimits.MaxSnapshotBytes]);
        Parse($$"""{"camera":"c1","algorithm":"Smoking","time":"2026-12-07T01:59:00Z","snapshot":"{{snapshot}}"}""")
            .Alarm!.Snapshot!.Length.ShouldBe(VideoAlarmLimits.MaxSnapshotBytes);
    }

    [Fact]
    public void A_message_over_the_message_limit_is_refused_as_a_too_large_snapshot() =>
        VideoAlarmPayload.Parse(new byte[VideoAlarmLimits.MaxMessageBytes + 1], Now).Refusal
            .ShouldBe(new VideoAlarmRefusal(VideoAlarmRejection.SnapshotTooLarge, "snapshot"));
}
