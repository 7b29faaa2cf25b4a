namespace DualPrevention.Core.Photos;

/// <summary>
/// A photo that decoded completely and was re-encoded from its pixels by <see cref="PhotoContent.ProveAsync"/>, or a
/// camera's upright JPEG snapshot kept with its metadata cut out (<see cref="PhotoContent.ProveSnapshotAsync"/>, ADR 0052):
/// upright, without metadata, within <see cref="PhotoLimits.MaxEdgePixels"/>. The only thing a store accepts.
/// </summary>
public sealed class ProvenPhoto
{
    internal ProvenPhoto(byte[] content, string contentType, int width, int height)
    {
        Content = content;
        ContentType = contentType;
        Width = width;
        Height = height;
    }

    /// <summary>The re-encoded bytes, or a snapshot's own without metadata.</summary>
    public byte[] Content { get; }

    /// <summary><see cref="PhotoContent.JpegType"/> or <see cref="PhotoContent.PngType"/>.</summary>
    public string ContentType { get; }

    /// <summary>Pixels, as viewed.</summary>
    public int Width { get; }

    public int Height { get; }
}
