using System.Net.Http.Headers;

namespace DualPrevention.Web.Tests.Photos;

/// <summary>The photo pipeline's upload, <c>POST /api/v1/inspections/photos</c>, as a client sends it: one multipart file.</summary>
internal static class PhotoUploads
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, string fileName, string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/inspections/photos", form);
    }
}
