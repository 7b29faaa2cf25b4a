using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;
using SkiaSharp;

namespace DualPrevention.Web.Tests.Photos;

/// <summary>
/// Photos are proven by decoding, not by their first bytes: what does not decode is refused naming the file, what
/// decodes is stored re-encoded, upright, without metadata and within the configured edge.
/// </summary>
public class PhotoUploadEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    public static TheoryData<string> BadFiles => ["jpeg-magic-only.jpg", "truncated.jpg", "script.svg", "empty.jpg", "bomb.png", "iphone.heic"];

    private static byte[] Bad(string name) => name switch
    {
        "jpeg-magic-only.jpg" => PhotoCorpus.JpegMagicOnly,
        "truncated.jpg" => PhotoCorpus.TruncatedJpeg,
        "script.svg" => PhotoCorpus.SvgWithScript,
        "empty.jpg" => [],
        "bomb.png" => PhotoCorpus.DecompressionBombPng,
        "iphone.heic" => PhotoCorpus.Heic,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_does_not_decode_as_a_photo_is_refused_with_400_naming_the_file(string fileName)
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var response = await PhotoUploads.PostAsync(inspector, Bad(fileName), fileName);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        (problem.GetProperty("detail").GetString() ?? "").ShouldContain(fileName);
    }

    [Fact]
    public async Task A_heic_photo_is_refused_with_the_advice_to_take_jpeg()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var response = await PhotoUploads.PostAsync(inspector, PhotoCorpus.Heic, "IMG_0002.HEIC");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(InChinese(() => CoreText.Get("Photo.Heif", "IMG_0002.HEIC")));
    }

    [Fact]
    public async Task A_png_html_polyglot_is_stored_as_a_clean_png_without_the_page()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var bytes = await UploadAndReadBackAsync(inspector, PhotoCorpus.PngHtmlPolyglot, "polyglot.png", "image/png");

        Encoding.Latin1.GetString(bytes).ShouldNotContain("<script");
        using var image = PhotoCorpus.Decode(bytes);
        (image.Width, image.Height).ShouldBe((16, 16));
    }

    [Fact]
    public async Task A_phone_photo_is_turned_upright_and_keeps_no_metadata()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var bytes = await UploadAndReadBackAsync(inspector, PhotoCorpus.PhoneJpegWithOrientation, "IMG_0001.jpg", "image/jpeg");

        var text = Encoding.Latin1.GetString(bytes);
        text.ShouldNotContain("Exif");
        text.ShouldNotContain("iPhone");
        text.ShouldNotContain("GPS");
        using var image = PhotoCorpus.Decode(bytes);
        (image.Width, image.Height).ShouldBe((20, 40));
        ShouldBeNear(image.GetPixel(10, 5), SKColors.Red);
        ShouldBeNear(image.GetPixel(10, 35), SKColors.Blue);
    }

    [Fact]
    public async Task A_12_megapixel_photo_is_stored_within_the_configured_longest_edge()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var bytes = await UploadAndReadBackAsync(inspector, PhotoCorpus.LargeJpeg, "large.jpg", "image/jpeg");

        using var image = PhotoCorpus.Decode(bytes);
        (image.Width, image.Height).ShouldBe((2560, 1920));
    }

    [Fact]
    public async Task Uploads_beyond_the_unattached_quota_get_429_with_Retry_After_and_a_readable_reason()
    {
        var inspector = await web.ApiClientAsync("demo-qd2-inspector");
        var limit = new PhotoLimits().MaxUnattachedPerUser;
        for (var i = 0; i < limit; i++)
        {
            (await PhotoUploads.PostAsync(inspector, PhotoCorpus.SmallPng, $"p{i}.png")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var refused = await PhotoUploads.PostAsync(inspector, PhotoCorpus.SmallPng, "one-more.png");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromDays(1));
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(InChinese(() => CoreText.Get("Photo.Quota.Unattached", limit)));
    }

    /// <summary>The API answers in Chinese unless asked otherwise.</summary>
    private static string InChinese(Func<string> text)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return text();
    }

    private static void ShouldBeNear(SKColor actual, SKColor expected) =>
        (Math.Abs(actual.Red - expected.Red) + Math.Abs(actual.Green - expected.Green) + Math.Abs(actual.Blue - expected.Blue)).ShouldBeLessThan(60, $"{actual} is not near {expected}");

    private static async Task<byte[]> UploadAndReadBackAsync(HttpClient client, byte[] content, string fileName, string expectedType)
    {
        var created = await PhotoUploads.PostAsync(client, content, fileName);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var photo = await client.GetAsync($"/api/v1/inspections/photos/{id}");
        photo.Content.Headers.ContentType!.MediaType.ShouldBe(expectedType);
        photo.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        return await photo.Content.ReadAsByteArrayAsync();
    }
}
