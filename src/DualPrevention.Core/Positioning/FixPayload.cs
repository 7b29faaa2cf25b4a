using System.Globalization;
using System.Text.Json;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Reads the documented fix payload (docs/positioning-ingest.md#payload): one JSON object or an array of up to
/// <see cref="FixLimits.MaxFixesPerMessage"/>. Each fix is checked on its own, so a message's good fixes are kept and
/// each bad one is refused with its index, field and reason; only a body that is not such JSON at all is refused whole.
/// Whether the tag exists and belongs to the enterprise is checked where the tags are known. One forward pass of a
/// <see cref="Utf8JsonReader"/> (no document tree: every fix of the platform passes here, ADR 0038); a property given
/// twice counts with its last value, and properties the payload does not define are skipped.
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

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
        var fixes = new List<ReceivedFix>();
        var refusals = new List<FixRefusal>();
        try
        {
            if (!reader.Read())
            {
                return Whole(FixRejection.Malformed);
            }

            var elements = 0;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                Judge(FixFields.Read(ref reader), 0, now, fixes, refusals);
                elements = 1;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        Judge(FixFields.Read(ref reader), elements, now, fixes, refusals);
                    }
                    else
                    {
                        reader.Skip();
                        refusals.Add(new FixRefusal(elements, null, FixRejection.Malformed));
                    }

                    elements++;
                }
            }
            else
            {
                reader.Skip();
            }

            // Trailing content after the value is no JSON document: the reader throws on it.
            while (reader.Read())
            {
            }

            if (elements == 0)
            {
                return Whole(FixRejection.Malformed);
            }

            return elements > FixLimits.MaxFixesPerMessage ? Whole(FixRejection.OutOfRange) : new FixBatch(fixes, refusals);
        }
        catch (JsonException)
        {
            return Whole(FixRejection.Malformed);
        }
    }

    private static FixBatch Whole(FixRejection reason) => new([], [new FixRefusal(null, null, reason)]);

    private static void Judge(in FixFields fields, int index, DateTimeOffset now, List<ReceivedFix> fixes, List<FixRefusal> refusals)
    {
        var judge = new FixJudge(fields, index);
        if (judge.Read(now) is { } fix)
        {
            fixes.Add(fix);
        }
        else
        {
            refusals.Add(judge.Refusal!);
        }
    }

    /// <summary>Judges one fix's fields in the order the payload documents them; the first problem found becomes <see cref="Refusal"/>.</summary>
    private sealed class FixJudge(FixFields fields, int index)
    {
        public FixRefusal? Refusal { get; private set; }

        public ReceivedFix? Read(DateTimeOffset now)
        {
            var tag = Text(fields.Tag, TagField);
            var time = Time(now);
            var x = Number(fields.X, "x", -FixLimits.MaxPlanMetres, FixLimits.MaxPlanMetres);
            var y = Number(fields.Y, "y", -FixLimits.MaxPlanMetres, FixLimits.MaxPlanMetres);
            var floor = Integer(fields.Floor, "floor", FixLimits.MinFloor, FixLimits.MaxFloor);
            var latitude = Number(fields.Latitude, "lat", -90, 90);
            var longitude = Number(fields.Longitude, "lon", -180, 180);
            var accuracy = Number(fields.Accuracy, "accuracy", 0, FixLimits.MaxAccuracyMetres);
            var battery = Integer(fields.Battery, "battery", 0, 100);
            var sos = Flag(fields.Sos, "sos");
            var fall = Flag(fields.Fall, "fall");
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

        private string? Text(FixFields.Value value, string field)
        {
            if (value.Kind != JsonTokenType.String || value.Text!.Trim() is not { Length: > 0 and <= FixLimits.MaxSerialLength } text)
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            return text;
        }

        private DateTimeOffset? Time(DateTimeOffset now)
        {
            var value = fields.Time;
            DateTimeOffset time;
            if (value.Kind != JsonTokenType.String)
            {
                Refuse(TimeField, FixRejection.Malformed);
                return null;
            }
            else if (value.Time is { } read)
            {
                time = read;
            }
            else if (value.Text is not { } text
                // ISO 8601 with a stated offset: a time without one would be read in the server's zone.
                || !(text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
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

        private double? Number(FixFields.Value value, string field, double min, double max)
        {
            if (value.Kind is JsonTokenType.None or JsonTokenType.Null)
            {
                return null;
            }

            if (value.Kind != JsonTokenType.Number || !value.IsNumber || !double.IsFinite(value.Number))
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            if (value.Number < min || value.Number > max)
            {
                Refuse(field, FixRejection.OutOfRange);
                return null;
            }

            return value.Number;
        }

        private int? Integer(FixFields.Value value, string field, int min, int max)
        {
            var number = Number(value, field, min, max);
            if (number is { } n && n != Math.Floor(n))
            {
                Refuse(field, FixRejection.Malformed);
                return null;
            }

            return (int?)number;
        }

        private bool Flag(FixFields.Value value, string field)
        {
            if (value.Kind is JsonTokenType.None or JsonTokenType.Null)
            {
                return false;
            }

            if (value.Kind is not (JsonTokenType.True or JsonTokenType.False))
            {
                Refuse(field, FixRejection.Malformed);
                return false;
            }

            return value.Kind == JsonTokenType.True;
        }
    }
}
