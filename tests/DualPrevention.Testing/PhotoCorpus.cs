using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace DualPrevention.Testing;

/// <summary>
/// Files a photo upload meets in the field and in attacks: real photos (a phone JPEG turned by its EXIF orientation,
/// a large one, a PNG) and files that only look like images by their first bytes. Built in code, except the HEIC,
/// a real file from the EmptyFiles package (MIT) kept under <c>Photos/</c>.
/// </summary>
public static class PhotoCorpus
{
    /// <summary>
    /// A phone photo as a camera held upright writes it: 40 × 20 pixels stored sideways (left half red, right half
    /// blue) with EXIF orientation 6 (rotate 90° clockwise to view), the maker, model and a GPS-like comment in the
    /// metadata. Viewed, it is 20 × 40 with red on top.
    /// </summary>
    public static byte[] PhoneJpegWithOrientation { get; } = WithExif(Jpeg(40, 20, (x, _) => x < 20 ? SKColors.Red : SKColors.Blue), orientation: 6);

    /// <summary>
    /// A camera's snapshot as an AI box may send it: a 64 × 48 upright JPEG (a gradient) with an Exif segment (orientation
    /// 1, the maker, model and a GPS-like description), a comment holding a script, and an HTML page after its end.
    /// </summary>
    public static byte[] CameraSnapshotWithMetadata { get; } =
    [
        .. WithComment(WithExif(Jpeg(64, 48, (x, y) => new SKColor((byte)(x * 4), (byte)(y * 5), (byte)((x + y) * 2))), orientation: 1), "<script>alert(1)</script>"),
        .. Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>"),
    ];

    /// <summary>A 4,000 × 3,000 JPEG (12 MP, a phone's default), a smooth gradient.</summary>
    public static byte[] LargeJpeg => Jpeg(4000, 3000, (x, y) => new SKColor((byte)(x % 256), (byte)(y % 256), 128));

    /// <summary>A 16 × 16 PNG, green.</summary>
    public static byte[] SmallPng { get; } = Encode(Bitmap(16, 16, (_, _) => SKColors.Green), SKEncodedImageFormat.Png);

    /// <summary>A valid PNG followed by an HTML page with a script: an image to a decoder, a page to a sniffing browser.</summary>
    public static byte[] PngHtmlPolyglot { get; } = [.. SmallPng, .. Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>")];

    /// <summary>100 bytes that start like a JPEG (FF D8 FF E0) and hold nothing else.</summary>
    public static byte[] JpegMagicOnly { get; } = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x41, 96)];

    /// <summary>The first half of a real JPEG.</summary>
    public static byte[] TruncatedJpeg { get; } = Jpeg(200, 150, (x, y) => new SKColor((byte)(x * 7), (byte)(y * 13), (byte)(x ^ y)))[..2_000];

    /// <summary>An SVG drawing carrying a script.</summary>
    public static byte[] SvgWithScript { get; } = Encoding.UTF8.GetBytes(
        """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>""");

    /// <summary>
    /// A decompression bomb: a PNG of 20,000 × 20,000 one-bit pixels (400 megapixels, about 1.6 GB once decoded to
    /// 32-bit colour) whose compressed zeros weigh a few tens of kilobytes.
    /// </summary>
    public static byte[] DecompressionBombPng => BombPng(20_000, 20_000);

    /// <summary>A real HEIC (HEIF with HEVC) image, as iPhones save photos by default.</summary>
    public static byte[] Heic { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "empty.heic"));

    public static SKBitmap Decode(byte[] image) => SKBitmap.Decode(image) ?? throw new InvalidOperationException("Not an image.");

    private static byte[] Jpeg(int width, int height, Func<int, int, SKColor> color)
    {
        using var bitmap = Bitmap(width, height, color);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    private static SKBitmap Bitmap(int width, int height, Func<int, int, SKColor> color)
    {
        var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, color(x, y));
            }
        }

        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>Inserts an APP1 Exif segment (big-endian TIFF: Make, Model, Orientation, ImageDescription) after the SOI marker.</summary>
    private static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        byte[][] strings = [Encoding.ASCII.GetBytes("Apple\0"), Encoding.ASCII.GetBytes("iPhone 15\0"), Encoding.ASCII.GetBytes("GPS 36.0671N 120.3826E\0")];
        const int entries = 4;
        var valuesAt = 8 + 2 + (entries * 12) + 4;
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange(BigEndian((ushort)42));
        tiff.AddRange(BigEndian(8u));
        tiff.AddRange(BigEndian((ushort)entries));
        var offset = valuesAt;
        tiff.AddRange(AsciiEntry(0x010E, strings[2], ref offset));
        tiff.AddRange(AsciiEntry(0x010F, strings[0], ref offset));
        tiff.AddRange(AsciiEntry(0x0110, strings[1], ref offset));
        tiff.AddRange([.. BigEndian((ushort)0x0112), .. BigEndian((ushort)3), .. BigEndian(1u), .. BigEndian(orientation), 0, 0]);
        tiff.AddRange(BigEndian(0u));
        tiff.AddRange(strings[2]);
        tiff.AddRange(strings[0]);
        tiff.AddRange(strings[1]);
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        byte[] segment = [0xFF, 0xE1, .. BigEndian((ushort)(payload.Length + 2)), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>Inserts a comment segment (COM) after the SOI marker.</summary>
    private static byte[] WithComment(byte[] jpeg, string comment)
    {
        var text = Encoding.UTF8.GetBytes(comment);
        return [.. jpeg[..2], 0xFF, 0xFE, .. BigEndian((ushort)(text.Length + 2)), .. text, .. jpeg[2..]];
    }

    private static byte[] AsciiEntry(ushort tag, byte[] value, ref int offset)
    {
        byte[] entry = [.. BigEndian(tag), .. BigEndian((ushort)2), .. BigEndian((uint)value.Length), .. BigEndian((uint)offset)];
        offset += value.Length;
        return entry;
    }

    private static byte[] BombPng(int width, int height)
    {
        var rowBytes = 1 + ((width + 7) / 8);
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[rowBytes];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        byte[] header = [.. BigEndian((uint)width), .. BigEndian((uint)height), 1, 0, 0, 0, 0];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", idat.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. BigEndian((uint)data.Length), .. typed, .. BigEndian(Crc32(typed))];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] BigEndian(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
