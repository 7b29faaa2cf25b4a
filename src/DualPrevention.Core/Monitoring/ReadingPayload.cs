using System.Text.Json;

namespace DualPrevention.Core.Monitoring;

/// <summary>One reading as sent: the point's code, the device's time (UTC) and the value in the point's unit.</summary>
/// <param name="Index">Its place in the message (0 for a single object).</param>
public sealed record Reading(int Index, string Code, DateTimeOffset Time, double Value);

/// <summary>A refused reading: its place in the message (null when the whole message was refused), the field at fault and why.</summary>
public sealed record ReadingRefusal(int? Index, string Field, ReadingRejection Reason);

/// <summary>A parsed message: the well-formed readings and the refusals so far (unknown points are found later, by <see cref="AcceptReadings"/>).</summary>
public sealed record ReadingBatch(IReadOnlyList<Reading> Readings, IReadOnlyList<ReadingRefusal> Refusals)
{
    /// <summary>True when the body was no payload at all or too large (one refusal without index).</summary>
    public bool RefusedWhole => Readings.Count == 0 && Refusals is [{ Index: null }];
}

/// <summary>
/// The reading payload (docs/monitoring-ingest.md#payload): one object <c>{"point":"…","time":"…","value":…}</c> or an
/// array of them, UTF-8 JSON, the same over MQTT and HTTP. A reading missing a field or of the wrong type is refused
/// by its index; a body that is no JSON object or array, or too large, is refused whole.
/// </summary>
public static class ReadingPayload
{
    public static ReadingBatch Parse(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (body.Length > ReadingLimits.MaxMessageBytes)
        {
            return new ReadingBatch([], [new ReadingRefusal(null, "body", ReadingRejection.OutOfRange)]);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return new ReadingBatch([], [new ReadingRefusal(null, "body", ReadingRejection.Malformed)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return One(root, 0, now, out var reading, out var refusal) ? new ReadingBatch([reading!], []) : new ReadingBatch([], [refusal!]);
            }

            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                return new ReadingBatch([], [new ReadingRefusal(null, "body", ReadingRejection.Malformed)]);
            }

            if (root.GetArrayLength() > ReadingLimits.MaxReadingsPerMessage)
            {
                return new ReadingBatch([], [new ReadingRefusal(null, "body", ReadingRejection.OutOfRange)]);
            }

            var readings = new List<Reading>(root.GetArrayLength());
            var refusals = new List<ReadingRefusal>();
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                if (One(element, index++, now, out var reading, out var refusal))
                {
                    readings.Add(reading!);
                }
                else
                {
                    refusals.Add(refusal!);
                }
            }

            return new ReadingBatch(readings, refusals);
        }
    }

    private static bool One(JsonElement element, int index, DateTimeOffset now, out Reading? reading, out ReadingRefusal? refusal)
    {
        reading = null;
        refusal = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            refusal = new ReadingRefusal(index, "body", ReadingRejection.Malformed);
            return false;
        }

        if (!element.TryGetProperty("point", out var point) || point.ValueKind != JsonValueKind.String
            || point.GetString() is not { Length: > 0 and <= ReadingLimits.CodeLength } code)
        {
            refusal = new ReadingRefusal(index, "point", ReadingRejection.Malformed);
            return false;
        }

        if (!element.TryGetProperty("time", out var time) || time.ValueKind != JsonValueKind.String || !time.TryGetDateTimeOffset(out var at))
        {
            refusal = new ReadingRefusal(index, "time", ReadingRejection.Malformed);
            return false;
        }

        if (at > now + ReadingLimits.MaxAhead || at < now - ReadingLimits.MaxAge)
        {
            refusal = new ReadingRefusal(index, "time", ReadingRejection.OutOfTime);
            return false;
        }

        if (!element.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number)
            || !double.IsFinite(number))
        {
            refusal = new ReadingRefusal(index, "value", ReadingRejection.Malformed);
            return false;
        }

        reading = new Reading(index, code, at.ToUniversalTime(), number);
        return true;
    }
}
