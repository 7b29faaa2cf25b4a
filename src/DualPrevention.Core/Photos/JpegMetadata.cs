using System.Buffers.Binary;

namespace DualPrevention.Core.Photos;

/// <summary>
/// Cuts a JPEG's metadata out by walking its markers (ITU-T T.81 Annex B), without decoding or re-encoding a pixel
/// (ADR 0052): the application segments (APP1 Exif with GPS, maker and thumbnails, XMP, ICC, vendors' APPn) and comments
/// go, and so does anything after the end-of-image marker (an appended page or archive); the JFIF header (its thumbnail
/// cut) and Adobe's APP14, which tells the decoder the colour transform, stay with every table, frame and scan.
/// </summary>
internal static class JpegMetadata
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Jfif = 0xE0;
    private const byte Adobe = 0xEE;
    private const byte Comment = 0xFE;

    /// <summary>
    /// The JPEG with its metadata cut, or null when its structure is broken: no start-of-image, a segment running past
    /// the end, or no end-of-image marker (a truncated file).
    /// </summary>
    public static byte[]? Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg is not [Marker, StartOfImage, ..])
        {
            return null;
        }

        var kept = new byte[jpeg.Length];
        var length = 0;
        void Keep(ReadOnlySpan<byte> part)
        {
            part.CopyTo(kept.AsSpan(length));
            length += part.Length;
        }

        Keep(jpeg[..2]);
        var at = 2;
        while (true)
        {
            // A marker may be preceded by any number of fill bytes (FF).
            if (at >= jpeg.Length || jpeg[at] != Marker)
            {
                return null;
            }

            while (at < jpeg.Length && jpeg[at] == Marker)
            {
                at++;
            }

            if (at >= jpeg.Length)
            {
                return null;
            }

            var marker = jpeg[at++];
            if (marker == EndOfImage)
            {
                Keep([Marker, EndOfImage]);
                return kept[..length];
            }

            // Standalone markers (TEM, RSTn) carry no length.
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                Keep([Marker, marker]);
                continue;
            }

            if (marker == StartOfImage || at + 2 > jpeg.Length)
            {
                return null;
            }

            var size = BinaryPrimitives.ReadUInt16BigEndian(jpeg[at..]);
            if (size < 2 || at + size > jpeg.Length)
            {
                return null;
            }

            var payload = jpeg.Slice(at + 2, size - 2);
            var segment = jpeg.Slice(at - 2, size + 2);
            at += size;
            if (marker == Jfif && payload is [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, _, _, _, _, _, _, _, _, _, ..])
            {
                // The header without its thumbnail: version, density units and densities, then a 0 × 0 thumbnail.
                Keep([Marker, Jfif, 0, 16, .. payload[..12], 0, 0]);
            }
            else if (marker == Adobe || !(marker is >= 0xE0 and <= 0xEF or Comment))
            {
                Keep(segment);
            }

            if (marker == StartOfScan)
            {
                var end = EntropyCodedEnd(jpeg, at);
                if (end < 0)
                {
                    return null;
                }

                Keep(jpeg[at..end]);
                at = end;
            }
        }
    }

    /// <summary>
    /// Where a scan's entropy-coded data ends: at the first marker that is neither a stuffed zero (FF 00) nor a restart
    /// (FF D0–D7); -1 when the file ends first.
    /// </summary>
    private static int EntropyCodedEnd(ReadOnlySpan<byte> jpeg, int from)
    {
        var at = from;
        while (true)
        {
            var next = jpeg[at..].IndexOf(Marker);
            if (next < 0)
            {
                return -1;
            }

            at += next;
            var following = at + 1;
            while (following < jpeg.Length && jpeg[following] == Marker)
            {
                following++;
            }

            if (following >= jpeg.Length)
            {
                return -1;
            }

            if (jpeg[following] is 0x00 or (>= 0xD0 and <= 0xD7))
            {
                at = following + 1;
                continue;
            }

            return at;
        }
    }
}
