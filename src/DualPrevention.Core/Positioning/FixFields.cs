using System.Text.Json;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// One fix object's fields as the JSON gave them, before they are judged (<see cref="FixPayload"/>): each field's token
/// kind and its value. A field given twice keeps its last value; fields the payload does not define are skipped.
/// </summary>
internal struct FixFields
{
    public Value Tag;
    public Value Time;
    public Value X;
    public Value Y;
    public Value Floor;
    public Value Latitude;
    public Value Longitude;
    public Value Accuracy;
    public Value Battery;
    public Value Sos;
    public Value Fall;

    /// <summary>Reads the object <paramref name="reader"/> stands at (its start) up to and including its end.</summary>
    public static FixFields Read(ref Utf8JsonReader reader)
    {
        var fields = default(FixFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            reader.Read();
            if (name.ValueTextEquals("tag"u8))
            {
                fields.Tag = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("time"u8))
            {
                fields.Time = Value.Of(ref reader, asTime: true);
            }
            else if (name.ValueTextEquals("x"u8))
            {
                fields.X = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("y"u8))
            {
                fields.Y = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("floor"u8))
            {
                fields.Floor = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("lat"u8))
            {
                fields.Latitude = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("lon"u8))
            {
                fields.Longitude = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("accuracy"u8))
            {
                fields.Accuracy = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("battery"u8))
            {
                fields.Battery = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("sos"u8))
            {
                fields.Sos = Value.Of(ref reader, asTime: false);
            }
            else if (name.ValueTextEquals("fall"u8))
            {
                fields.Fall = Value.Of(ref reader, asTime: false);
            }
            else
            {
                reader.Skip();
            }
        }

        return fields;
    }

    /// <summary>
    /// A field's token and value: the number for a number, the text for a string, and for a string that is a time in
    /// the usual ISO 8601 shape the time itself (<see cref="IsoTime"/>), read without making a string.
    /// </summary>
    public readonly record struct Value(JsonTokenType Kind, double Number, bool IsNumber, string? Text, DateTimeOffset? Time)
    {
        public static Value Of(ref Utf8JsonReader reader, bool asTime)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    var isNumber = reader.TryGetDouble(out var number);
                    return new Value(JsonTokenType.Number, number, isNumber, null, null);
                case JsonTokenType.String:
                    return asTime && !reader.ValueIsEscaped && IsoTime.TryRead(reader.ValueSpan, out var time)
                        ? new Value(JsonTokenType.String, 0, false, null, time)
                        : new Value(JsonTokenType.String, 0, false, reader.GetString(), null);
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var kind = reader.TokenType;
                    reader.Skip();
                    return new Value(kind, 0, false, null, null);
                default:
                    return new Value(reader.TokenType, 0, false, null, null);
            }
        }
    }
}
