using DualPrevention.Core;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Photos;

/// <summary>
/// A video alarm's snapshot proven at a fraction of the cost (ADR 0052): a camera's upright JPEG keeps its own pixels — no
/// re-encode — with its metadata (Exif with GPS, comments) and anything after its end cut out; whatever does not decode
/// is refused as before (a truncated JPEG, JPEG magic bytes alone, an SVG, half a PNG); a PNG and a turned JPEG are
/// proven as every photo is, re-encoded and upright.
/// </summary>
public class SnapshotProofTests
{
    private static readonly PhotoLimits Limits = new();

    [Fact]
    public async Task A_cameras_jpeg_keeps_its_pixels_and_loses_its_metadata_and_what_follows_its_end()
    {
        var original = PhotoCorpus.CameraSnapshotWithMetadata;

        var proven = await PhotoContent.ProveSnapshotAsync(original, "snapshot", Limits, default);

        (proven.ContentType, proven.Width, proven.Height).ShouldBe((PhotoContent.JpegType, 64, 48));
        var text = System.Text.Encoding.Latin1.GetString(proven.Content);
        text.ShouldNotContain("Exif");
        text.ShouldNotContain("iPhone");
        text.ShouldNotContain("GPS");
        text.ShouldNotContain("<script");
        text.ShouldNotContain("<html");
        proven.Content[^2..].ShouldBe(new byte[] { 0xFF, 0xD9 });
        using var stored = PhotoCorpus.Decode(proven.Content);
        using var sent = PhotoCorpus.Decode(original);
        stored.Bytes.ShouldBe(sent.Bytes, "the same entropy-coded data decodes to the same pixels: nothing was re-encoded");
    }

    [Fact]
    public async Task Files_that_do_not_decode_are_still_refused()
    {
        byte[][] refused = [PhotoCorpus.TruncatedJpeg, PhotoCorpus.JpegMagicOnly, PhotoCorpus.SvgWithScript, PhotoCorpus.PngHtmlPolyglot[..40], PhotoCorpus.CameraSnapshotWithMetadata[..^200], []];

        foreach (var file in refused)
        {
            await Should.ThrowAsync<DomainRuleException>(() => PhotoContent.ProveSnapshotAsync(file, "snapshot", Limits, default));
        }
    }

    [Fact]
    public async Task A_png_and_a_turned_jpeg_are_re_encoded_upright_as_every_photo_is()
    {
        var png = await PhotoContent.ProveSnapshotAsync(PhotoCorpus.PngHtmlPolyglot, "snapshot", Limits, default);
        var turned = await PhotoContent.ProveSnapshotAsync(PhotoCorpus.PhoneJpegWithOrientation, "snapshot", Limits, default);

        (png.ContentType, png.Width, png.Height).ShouldBe((PhotoContent.PngType, 16, 16));
        System.Text.Encoding.Latin1.GetString(png.Content).ShouldNotContain("<script");
        (turned.ContentType, turned.Width, turned.Height).ShouldBe((PhotoContent.JpegType, 20, 40));
        System.Text.Encoding.Latin1.GetString(turned.Content).ShouldNotContain("iPhone");
        using var upright = PhotoCorpus.Decode(turned.Content);
        upright.GetPixel(10, 5).Red.ShouldBeGreaterThan((byte)200, "red on top once turned");
    }
}
