namespace DualPrevention.Core.Positioning;

/// <summary>
/// Reads the ISO 8601 shape devices send almost always — <c>2026-12-07T09:59:58Z</c>, with up to seven fraction digits
/// and <c>Z</c> or a <c>±hh:mm</c> offset — straight from UTF-8 (<see cref="FixPayload"/>). Anything else, or a
/// value out of range, is not read here and goes to <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>,
/// which has the last word.
/// </summary>
internal static class IsoTime
{
    public static bool TryRead(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var at = 19;
        long fractionTicks = 0;
        if (text[at] == '.')
        {
            var start = ++at;
            while (at < text.Length && char.IsAsciiDigit((char)text[at]))
            {
                at++;
            }

            var digits = at - start;
            if (digits is 0 or > 7 || !Digits(text, start, digits, out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        TimeSpan offset;
        var rest = text[at..];
        if (rest is [(byte)'Z'] or [(byte)'z'])
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
            && Digits(rest, 1, 2, out var offsetHours) && Digits(rest, 4, 2, out var offsetMinutes) && offsetMinutes < 60
            && (offsetHours * 60) + offsetMinutes <= 14 * 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59
            || year < 1 || (offset.Ticks != 0 && (year == 1 || year == 9999)))
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
