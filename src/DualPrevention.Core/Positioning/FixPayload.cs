using System.Globalization;
using System.Text.Json;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Reads the documented fix payload (docs/positioning-ingest.md#payload): one JSON object or an array of up to
/// <see cref="FixLimits.MaxFixesPerMessage"/>. Each fix is checked on its own, so a message's good fixes are kept and
/// each bad one is refused with its index, field and reason; only a body that is not such JSON at all is refused whole.
/// Whether the tag exists and belongs to the enterprise is checked where the tags are known.
/// </summary>
public static class FixPayload
{
    private const string TagField = "tag";
    private const string TimeField = "time";

    /// <summary>Parses <paramref name="utf8"/>, judging times against <paramref name="now"/>.</summary>
    public static FixBatch Parse(ReadOnlySpan<byte> utf8, DateTimeOffset now)
    {
        if (utf8.Length > FixLimits.MaxMessageBytes)
        {
            return Whole(FixRejection.OutOfRange);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return Whole(FixRejection.Malformed);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return Of([root], now);
            }

            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                return Whole(FixRejection.Malformed);
            }

            return root.GetArrayLength() > FixLimits.MaxFixesPerMessage
                ? Whole(FixRejection.OutOfRange)
                : Of([.. root.EnumerateArray()], now);
        }
    }

    private static FixBatch Whole(FixRejection reason) => new([], [new FixRefusal(null, null, reason)]);

    private static FixBatch Of(IReadOnlyList<JsonElement> elements, DateTimeOffset now)
    {
        var fixes = new List<ReceivedFix>(elements.Count);
        var refusals = new List<FixRefusal>();
        for (var index = 0; index < elements.Count; index++)
        {
            var reader = new FixReader(elements[index], index);
            var fix = reader.Read(now);
            if (fix is null)
            {
                refusals.Add(reader.Refusal!);
            }
            else
            {
                fixes.Add(fix);
            }
        }

        return new FixBatch(fixes, refusals);
    }

    /// <summary>Reads one element; the first problem found becomes <see cref="Refusal"/>.</summary>
    private sealed class FixReader(JsonElement element, int index)
    {
        public FixRefusal? Refusal { get; private set; }

        public ReceivedFix? Read(DateTimeOffset now)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Refuse(null, FixRejection.Malformed);
            }

            var tag = Text(TagField);
            var time = Time(now);
            var x = Number("x", -FixLimits.MaxPlanMetres, FixLimits.MaxPlanMetres);
            var y = Number("y", -FixLimits.MaxPlanMetres, FixLimits.MaxPlanMetres);
            var floor = Integer("floor", FixLimits.MinFloor, FixLimits.MaxFloor);
            var latitude = Number("lat", -90, 90);
            var longitude = Number("lon", -180, 180);
            var accuracy = Number("accuracy", 0, FixLimits.MaxAccuracyMetres);
            var battery = Integer("battery", 0, 100);
            var sos = Flag("sos");
            var fall = Flag("fall");
            if (Refusal is not null)
            {
                return null;
            }

            // A position is a whole pair: plan metres, degrees, or both.
            if (x.HasValue != y.HasValue || (!x.HasValue && floor.HasValue))
            {
                return Refuse(x.HasValue ? "y" : "x", FixRejection.Malformed);
            }

            if (latitude.HasValue != longitude.HasValue)
            {
                return Refuse(latitude.HasValue ? "lon" : "lat", FixRejection.Malformed);
            }

            if (!x.HasValue && !latitude.HasValue)
            {
                return Refuse("x", FixRejection.Malformed);
            }

            return new ReceivedFix(index, tag!, time!.Value, x, y, floor, latitude, longitude, accuracy, battery, sos, fall);
        }

        private ReceivedFix? Refuse(string? field, FixRejection reason)
        {
            Refusal ??= new FixRefusal(index, field, reason);
            return null;
        }

        private bool TryGet(string field, out JsonElement value) =>
            element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

        private string? Text(string field)
        {
            if (!TryGet(field, out var value) || value.ValueKind != JsonValueKind.String)
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            var text = value.GetString()!.Trim();
            if (text.Length is 0 or > FixLimits.MaxSerialLength)
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            return text;
        }

        private DateTimeOffset? Time(DateTimeOffset now)
        {
            // ISO 8601 with a stated offset: a time without one would be read in the server's zone.
            if (!TryGet(TimeField, out var value) || value.ValueKind != JsonValueKind.String
                || value.GetString() is not { } text
                || !(text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                Refuse(TimeField, FixRejection.Malformed);
                return null;
            }

            if (time - now > FixLimits.MaxAhead)
            {
                Refuse(TimeField, FixRejection.TooFarInFuture);
                return null;
            }

            if (now - time > FixLimits.MaxAge)
            {
                Refuse(TimeField, FixRejection.TooFarInPast);
                return null;
            }

            return time.ToUniversalTime();
        }

        private double? Number(string field, double min, double max)
        {
            if (!TryGet(field, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            if (number < min || number > max)
            {
                Refuse(field, FixRejection.OutOfRange);
                return null;
            }

            return number;
        }

        private int? Integer(string field, int min, int max)
        {
            var number = Number(field, min, max);
            if (number is { } n && n != Math.Floor(n))
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            return (int?)number;
        }

        private bool Flag(string field)
        {
            if (!TryGet(field, out var value))
            {
                return false;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Refuse(field, FixRejection.Malformed);
                return false;
            }

            return value.GetBoolean();
        }
    }
}
