using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>One box an algorithm drew, as fractions of the snapshot's width and height from its top-left corner.</summary>
public sealed record VideoAlarmBox(double X, double Y, double Width, double Height);

/// <summary>A video alarm read from the documented payload (docs/video-intake.md#payload), not yet matched to a camera.</summary>
/// <param name="Camera">Our camera id or the camera's GB/T 28181 device id, as sent.</param>
/// <param name="CodeSet">The code set the algorithm code is in (<see cref="AlgorithmCodes"/>), null for the platform's.</param>
/// <param name="OccurredAt">UTC.</param>
/// <param name="Confidence">0–1, when the box sent one.</param>
/// <param name="Snapshot">The snapshot's bytes when sent inline (base64); not yet known to be an image.</param>
/// <param name="EventId">The vendor's event id, or one derived from camera, algorithm and time when none was sent.</param>
public sealed record ReceivedVideoAlarm(
    string Camera,
    string? CodeSet,
    string Algorithm,
    VideoAlarmCategory Category,
    DateTimeOffset OccurredAt,
    double? Confidence,
    IReadOnlyList<VideoAlarmBox> Boxes,
    byte[]? Snapshot,
    string? SnapshotUrl,
    string? ClipUrl,
    string EventId);

/// <summary>Why a message was refused and the field that was wrong (null when the message as a whole was).</summary>
public sealed record VideoAlarmRefusal(VideoAlarmRejection Reason, string? Field)
{
    /// <summary>What the reason means for the sender and what to change, in the current UI culture, with the limit it broke.</summary>
    public string Explanation() => Reason switch
    {
        VideoAlarmRejection.UnknownVendor => CoreText.Get("VideoAlarm.Rejection.UnknownVendor", string.Join(", ", AlgorithmCodes.CodeSets.Order(StringComparer.Ordinal))),
        VideoAlarmRejection.TooFarInFuture => CoreText.Get("VideoAlarm.Rejection.TooFarInFuture", VideoAlarmLimits.MaxAhead.TotalMinutes),
        VideoAlarmRejection.TooFarInPast => CoreText.Get("VideoAlarm.Rejection.TooFarInPast", VideoAlarmLimits.MaxAge.TotalHours),
        VideoAlarmRejection.OutOfRange => CoreText.Get("VideoAlarm.Rejection.OutOfRange", VideoAlarmLimits.MaxBoxes),
        VideoAlarmRejection.SnapshotTooLarge => CoreText.Get(
            "VideoAlarm.Rejection.SnapshotTooLarge", VideoAlarmLimits.MaxSnapshotBytes / 1024 / 1024, VideoAlarmLimits.MaxSnapshotBytes, VideoAlarmLimits.MaxRequestBytes / 1024d / 1024),
        VideoAlarmRejection.Malformed or VideoAlarmRejection.UnknownAlgorithm or VideoAlarmRejection.UnknownCamera or VideoAlarmRejection.OtherEnterprise
            or VideoAlarmRejection.SnapshotNotImage => CoreText.Get($"VideoAlarm.Rejection.{Reason}"),
    };
}

/// <summary>What a message held: an alarm, or the refusal naming its reason.</summary>
public sealed record VideoAlarmReading(ReceivedVideoAlarm? Alarm, VideoAlarmRefusal? Refusal)
{
    public static VideoAlarmReading Refused(VideoAlarmRejection reason, string? field) => new(null, new VideoAlarmRefusal(reason, field));
}

/// <summary>
/// Reads the documented video alarm payload (docs/video-intake.md#payload, ADR 0046): one JSON object per alarm. A message
/// that is not such an object, names an unknown vendor or algorithm code, or has a field out of its range is refused with
/// its reason and field; nothing is dropped silently. Whether the camera exists and belongs to the sender's enterprise, and
/// whether the snapshot decodes as an image, is judged at intake where cameras and the photo pipeline are known.
/// </summary>
public static class VideoAlarmPayload
{
    public const string CameraField = "camera";
    public const string VendorField = "vendor";
    public const string AlgorithmField = "algorithm";
    public const string TimeField = "time";
    public const string ConfidenceField = "confidence";
    public const string BoxesField = "boxes";
    public const string SnapshotField = "snapshot";
    public const string SnapshotUrlField = "snapshotUrl";
    public const string ClipUrlField = "clipUrl";
    public const string EventIdField = "eventId";

    /// <summary>Longest camera reference: a GB/T 28181 id has 20 digits, our id 36 characters.</summary>
    public const int MaxCameraLength = 64;

    /// <summary>Longest vendor event id; the alarm centre keeps camera and event id together (<see cref="Alarms.Alarm.SourceEventIdLength"/>).</summary>
    public const int MaxEventIdLength = 60;

    /// <summary>Parses <paramref name="utf8"/>, judging its time against <paramref name="now"/>.</summary>
    public static VideoAlarmReading Parse(ReadOnlySpan<byte> utf8, DateTimeOffset now)
    {
        if (utf8.Length > VideoAlarmLimits.MaxMessageBytes)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.SnapshotTooLarge, SnapshotField);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, null);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Read(document.RootElement, now)
                : VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, null);
        }
    }

    private static VideoAlarmReading Read(JsonElement root, DateTimeOffset now)
    {
        if (Text(root, CameraField, MaxCameraLength) is not { } camera)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, CameraField);
        }

        string? vendor = null;
        if (root.TryGetProperty(VendorField, out var vendorElement) && vendorElement.ValueKind != JsonValueKind.Null)
        {
            vendor = Text(root, VendorField, VideoAlarmLimits.MaxCodeLength);
            if (vendor is null)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, VendorField);
            }

            if (!AlgorithmCodes.IsCodeSet(vendor))
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.UnknownVendor, VendorField);
            }
        }

        if (Text(root, AlgorithmField, VideoAlarmLimits.MaxCodeLength) is not { } algorithm)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, AlgorithmField);
        }

        if (!AlgorithmCodes.TryMap(vendor, algorithm, out var category))
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.UnknownAlgorithm, AlgorithmField);
        }

        if (Time(root) is not { } time)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, TimeField);
        }

        if (time > now + VideoAlarmLimits.MaxAhead)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.TooFarInFuture, TimeField);
        }

        if (time < now - VideoAlarmLimits.MaxAge)
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.TooFarInPast, TimeField);
        }

        double? confidence = null;
        if (root.TryGetProperty(ConfidenceField, out var confidenceElement) && confidenceElement.ValueKind != JsonValueKind.Null)
        {
            if (confidenceElement.ValueKind != JsonValueKind.Number)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, ConfidenceField);
            }

            confidence = confidenceElement.GetDouble();
            if (confidence is < 0 or > 1)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.OutOfRange, ConfidenceField);
            }
        }

        var (boxes, boxRefusal) = Boxes(root);
        if (boxRefusal is not null)
        {
            return VideoAlarmReading.Refused(boxRefusal.Value, BoxesField);
        }

        byte[]? snapshot = null;
        if (root.TryGetProperty(SnapshotField, out var snapshotElement) && snapshotElement.ValueKind != JsonValueKind.Null)
        {
            if (snapshotElement.ValueKind != JsonValueKind.String || !snapshotElement.TryGetBytesFromBase64(out snapshot) || snapshot.Length == 0)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, SnapshotField);
            }

            if (snapshot.Length > VideoAlarmLimits.MaxSnapshotBytes)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.SnapshotTooLarge, SnapshotField);
            }
        }

        if (!Url(root, SnapshotUrlField, out var snapshotUrl))
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, SnapshotUrlField);
        }

        if (!Url(root, ClipUrlField, out var clipUrl))
        {
            return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, ClipUrlField);
        }

        string eventId;
        if (root.TryGetProperty(EventIdField, out var eventElement) && eventElement.ValueKind != JsonValueKind.Null)
        {
            if (Id(eventElement) is not { } sent)
            {
                return VideoAlarmReading.Refused(VideoAlarmRejection.Malformed, EventIdField);
            }

            eventId = sent;
        }
        else
        {
            eventId = Derived(camera, algorithm, time);
        }

        return new VideoAlarmReading(
            new ReceivedVideoAlarm(camera, vendor, algorithm, category, time, confidence, boxes, snapshot, snapshotUrl, clipUrl, eventId),
            null);
    }

    private static string? Text(JsonElement root, string field, int maxLength) =>
        root.TryGetProperty(field, out var element) && element.ValueKind == JsonValueKind.String
            && element.GetString()!.Trim() is { Length: > 0 } text && text.Length <= maxLength
            ? text
            : null;

    /// <summary>A vendor event id may be a string or a whole number (Dahua's eventId is one).</summary>
    private static string? Id(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString()!.Trim() is { Length: > 0 and <= MaxEventIdLength } text => text,
        JsonValueKind.Number when element.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>ISO 8601 with an offset or Z: a local time without one would be guessed, so it is refused.</summary>
    private static DateTimeOffset? Time(JsonElement root)
    {
        if (!root.TryGetProperty(TimeField, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = element.GetString()!.Trim();
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    private static (IReadOnlyList<VideoAlarmBox> Boxes, VideoAlarmRejection? Refusal) Boxes(JsonElement root)
    {
        if (!root.TryGetProperty(BoxesField, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return ([], VideoAlarmRejection.Malformed);
        }

        if (element.GetArrayLength() > VideoAlarmLimits.MaxBoxes)
        {
            return ([], VideoAlarmRejection.OutOfRange);
        }

        var boxes = new List<VideoAlarmBox>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || Number(item, "x") is not { } x || Number(item, "y") is not { } y
                || Number(item, "w") is not { } w || Number(item, "h") is not { } h)
            {
                return ([], VideoAlarmRejection.Malformed);
            }

            const double slack = 1e-6;
            if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > 1 + slack || y + h > 1 + slack)
            {
                return ([], VideoAlarmRejection.OutOfRange);
            }

            boxes.Add(new VideoAlarmBox(x, y, w, h));
        }

        return (boxes, null);
    }

    private static double? Number(JsonElement item, string field) =>
        item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>An absent field is fine; a present one must be an absolute http(s) URL of bounded length.</summary>
    private static bool Url(JsonElement root, string field, out string? url)
    {
        url = null;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!.Trim();
        if (text.Length > VideoAlarmLimits.MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = text;
        return true;
    }

    /// <summary>A box that sends no event id gets one from what identifies the occurrence, so a retried message is the same alarm.</summary>
    private static string Derived(string camera, string algorithm, DateTimeOffset time)
    {
        var key = $"{camera}|{algorithm.ToUpperInvariant()}|{time.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
