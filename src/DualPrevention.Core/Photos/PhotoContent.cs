namespace DualPrevention.Core.Photos;

/// <summary>Recognises accepted photo formats by their first bytes; a file's name or claimed type is not trusted.</summary>
public static class PhotoContent
{
    /// <summary>Largest photo accepted: 10 MB (10 × 1024 × 1024 bytes).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string JpegType = "image/jpeg";

    public const string PngType = "image/png";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"image/jpeg", "image/png", or null when the bytes start like neither.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(Jpeg) ? JpegType
        : head.StartsWith(Png) ? PngType
        : null;
}
