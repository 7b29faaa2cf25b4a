using DualPrevention.Core.Localization;
using SkiaSharp;

namespace DualPrevention.Core.Photos;

/// <summary>
/// Proves an upload is a photo by decoding it completely with Skia (ADR 0021): a file's first bytes, name or claimed
/// type prove nothing (a 100-byte file with JPEG magic bytes, a PNG with an HTML page appended). What decodes is
/// re-encoded from its pixels, so nothing of the upload but the picture is kept: EXIF orientation is applied to the
/// pixels, every other piece of metadata (GPS, maker, thumbnails, appended data) is dropped.
/// </summary>
public static class PhotoContent
{
    /// <summary>Largest upload accepted: 10 MB (10 × 1024 × 1024 bytes).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string JpegType = "image/jpeg";

    public const string PngType = "image/png";

    /// <summary>Longest file name quoted back in a refusal.</summary>
    private const int QuotedNameLength = 80;

    /// <summary>ISO base-media brands of HEIF and AVIF files, which Skia on Linux does not decode.</summary>
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis"];

    /// <summary>Full-size decodes at once: each may hold up to <see cref="PhotoLimits.MaxSourcePixels"/> × 4 bytes.</summary>
    private static readonly SemaphoreSlim Decoding = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>
    /// JPEG decodes at once: a JPEG is decoded in eighths to about <see cref="PhotoLimits.MaxEdgePixels"/>, so each holds
    /// tens of megabytes at most, and one per core keeps every core busy (video snapshots arrive many at a time).
    /// </summary>
    private static readonly SemaphoreSlim JpegDecoding = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="content"/> and proves it.</summary>
    /// <param name="fileName">The name the user gave the file, quoted in refusals so they know which one to replace.</param>
    /// <exception cref="DomainRuleException">
    /// The file is empty, over <see cref="MaxBytes"/>, not a JPEG, PNG or WebP image, incomplete or damaged, HEIC,
    /// or declares more than <see cref="PhotoLimits.MaxSourcePixels"/>; the message names the file.
    /// </exception>
    public static async Task<ProvenPhoto> ProveAsync(Stream content, string? fileName, PhotoLimits limits, CancellationToken cancellationToken)
    {
        var name = Quoted(fileName);
        var bytes = await ReadLimitedAsync(content, name, cancellationToken);
        var gate = bytes is [0xFF, 0xD8, 0xFF, ..] ? JpegDecoding : Decoding;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return Prove(bytes, name, limits);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Proves a video alarm's snapshot (ADR 0052): an upright JPEG that fits <see cref="PhotoLimits.MaxEdgePixels"/> — what
    /// a camera sends — keeps its own bytes with the metadata cut out by a marker walk (<see cref="JpegMetadata"/>), proven
    /// by decoding those bytes at an eighth of their size, which still reads every entropy-coded byte, so a truncated or
    /// damaged file is refused as before; anything else (PNG, a turned or larger JPEG) is proven as every photo is.
    /// </summary>
    /// <exception cref="DomainRuleException">As <see cref="ProveAsync"/>.</exception>
    public static async Task<ProvenPhoto> ProveSnapshotAsync(byte[] bytes, string? fileName, PhotoLimits limits, CancellationToken cancellationToken)
    {
        var name = Quoted(fileName);
        if (bytes.Length == 0)
        {
            throw new DomainRuleException(CoreText.Get("Photo.Empty", name));
        }

        if (bytes.Length > MaxBytes)
        {
            throw new DomainRuleException(CoreText.Get("Photo.TooLarge", name, MaxBytes / 1024 / 1024));
        }

        var gate = bytes is [0xFF, 0xD8, 0xFF, ..] ? JpegDecoding : Decoding;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return ProveKeepingJpeg(bytes, name, limits) ?? Prove(bytes, name, limits);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The JPEG's own bytes without metadata, proven by a scaled decode; null when the file needs the full proof.</summary>
    private static ProvenPhoto? ProveKeepingJpeg(byte[] bytes, string name, PhotoLimits limits)
    {
        using (var data = SKData.CreateCopy(bytes))
        using (var original = SKCodec.Create(data))
        {
            if (original is not { EncodedFormat: SKEncodedImageFormat.Jpeg, EncodedOrigin: SKEncodedOrigin.TopLeft }
                || Math.Max(original.Info.Width, original.Info.Height) > limits.MaxEdgePixels)
            {
                return null;
            }
        }

        var stripped = JpegMetadata.Strip(bytes) ?? throw new DomainRuleException(CoreText.Get("Photo.Damaged", name));
        using var kept = SKData.CreateCopy(stripped);
        using var codec = SKCodec.Create(kept) ?? throw new DomainRuleException(CoreText.Get("Photo.Damaged", name));
        var size = codec.GetScaledDimensions(1 / 8f);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            Decode(codec, int.MaxValue, name).Dispose();
        }
        else if (result != SKCodecResult.Success)
        {
            throw new DomainRuleException(CoreText.Get("Photo.Damaged", name));
        }

        return new ProvenPhoto(stripped, JpegType, codec.Info.Width, codec.Info.Height);
    }

    private static ProvenPhoto Prove(byte[] bytes, string name, PhotoLimits limits)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new DomainRuleException(CoreText.Get(IsHeif(bytes) ? "Photo.Heif" : "Photo.NotAnImage", name));
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw new DomainRuleException(CoreText.Get("Photo.NotAnImage", name));
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > limits.MaxSourcePixels)
        {
            throw new DomainRuleException(CoreText.Get("Photo.TooManyPixels", name, width, height, limits.MaxSourcePixels / 1_000_000));
        }

        using var decoded = Decode(codec, limits.MaxEdgePixels, name);
        var png = codec.EncodedFormat == SKEncodedImageFormat.Png;

        // An upright JPEG that fits (a camera's snapshot, most phone photos decoded in eighths) is re-encoded from the
        // decoded pixels as they are: drawing them again at the same size and orientation would only cost time.
        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg && codec.EncodedOrigin == SKEncodedOrigin.TopLeft && Math.Max(decoded.Width, decoded.Height) <= limits.MaxEdgePixels)
        {
            using var direct = decoded.Encode(SKEncodedImageFormat.Jpeg, limits.JpegQuality);
            return new ProvenPhoto(direct.ToArray(), JpegType, decoded.Width, decoded.Height);
        }

        using var upright = Upright(decoded, codec.EncodedOrigin, limits.MaxEdgePixels, opaque: !png);
        using var encoded = upright.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, limits.JpegQuality);
        return new ProvenPhoto(encoded.ToArray(), png ? PngType : JpegType, upright.Width, upright.Height);
    }

    /// <summary>Decodes every pixel, at a reduced scale where the format allows it (JPEG in eighths); anything short of complete is refused.</summary>
    private static SKBitmap Decode(SKCodec codec, int maxEdge, string name)
    {
        var size = ScaledSize(codec, maxEdge);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            bitmap.Dispose();
            info = info.WithSize(codec.Info.Width, codec.Info.Height);
            bitmap = new SKBitmap(info);
            result = codec.GetPixels(info, bitmap.GetPixels());
        }

        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new DomainRuleException(CoreText.Get("Photo.Damaged", name));
        }

        return bitmap;
    }

    /// <summary>The smallest size the codec decodes to (JPEG in eighths, others in full) whose longest edge still reaches <paramref name="maxEdge"/>.</summary>
    private static SKSizeI ScaledSize(SKCodec codec, int maxEdge)
    {
        var target = Math.Min(maxEdge, Math.Max(codec.Info.Width, codec.Info.Height));
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) >= target)
            {
                return size;
            }
        }

        return codec.Info.Size;
    }

    /// <summary>Draws the pixels turned by their EXIF origin and scaled to fit <paramref name="maxEdge"/>.</summary>
    private static SKBitmap Upright(SKBitmap decoded, SKEncodedOrigin origin, int maxEdge, bool opaque)
    {
        var scale = Math.Min(1d, (double)maxEdge / Math.Max(decoded.Width, decoded.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (outWidth, outHeight) = turned ? (height, width) : (width, height);
        var result = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
        canvas.SetMatrix(OrientationMatrix(origin, outWidth, outHeight));
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        return result;
    }

    /// <summary>Maps stored pixels to viewed ones for an EXIF origin; width and height are the viewed size (Skia's SkEncodedOriginToMatrix).</summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.TopLeft => SKMatrix.Identity,
        _ => SKMatrix.Identity,
    };

    private static async Task<byte[]> ReadLimitedAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                throw new DomainRuleException(CoreText.Get("Photo.TooLarge", name, MaxBytes / 1024 / 1024));
            }

            copy.Write(buffer, 0, read);
        }

        return copy.Length == 0 ? throw new DomainRuleException(CoreText.Get("Photo.Empty", name)) : copy.ToArray();
    }

    /// <summary>An ISO base-media file (<c>ftyp</c> box first) of a HEIF or AVIF brand.</summary>
    private static bool IsHeif(byte[] bytes) =>
        bytes.Length >= 12 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8)
        && HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(bytes, 8, 4));

    private static string Quoted(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "?" : name.Length > QuotedNameLength ? name[..QuotedNameLength] + "…" : name;
    }
}
