using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.Web.Tests.Photos;

/// <summary>
/// One person's photos in a day are bounded on every upload path (ADR 0021): a hidden danger's finding and
/// after-rectification photos, attached at once and so never "unattached", count with inspection photos.
/// </summary>
public class PhotoDayQuotaTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("Finding")]
    [InlineData("AfterRectification")]
    public async Task Photos_uploaded_on_a_hidden_danger_count_toward_the_days_quota_and_get_429_beyond_it(string kind)
    {
        var inspector = await web.ApiClientAsync("demo-qd2-inspector");
        var id = await ReportAsync(inspector);
        var limit = new PhotoLimits().MaxPerUserPerDay;
        await FillTheDayAsync(await UserIdAsync(inspector), id, limit - 1);

        (await UploadOnHiddenDangerAsync(inspector, id, kind)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await UploadOnHiddenDangerAsync(inspector, id, kind);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromDays(1));
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(InChinese(() => CoreText.Get("Photo.Quota.Day", limit)));
        (await UploadForInspectionAsync(inspector)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the inspection path shares the day's quota");
        await RemoveTheDayAsync(await UserIdAsync(inspector));
    }

    /// <summary>Rows of photos this person uploaded an hour ago, attached to the hidden danger, as if uploaded one by one.</summary>
    private async Task FillTheDayAsync(Guid userId, Guid hiddenDangerId, int count)
    {
        await using var connection = new NpgsqlConnection(web.OwnerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO photo (id, enterprise_id, region_code, hidden_danger_id, kind, storage_key, content_type, size, uploaded_at, uploaded_by_user_id)
            SELECT gen_random_uuid(), h.enterprise_id, h.region_code, h.id, 0, 'quota-' || n, 'image/png', 1, @at, @user
            FROM hidden_danger h, generate_series(1, @count) n WHERE h.id = @hiddenDanger
            """,
            connection);
        insert.Parameters.AddWithValue("at", DateTimeOffset.UtcNow.AddHours(-1));
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("hiddenDanger", hiddenDangerId);
        (await insert.ExecuteNonQueryAsync()).ShouldBe(count);
    }

    private async Task RemoveTheDayAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(web.OwnerConnectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM photo WHERE uploaded_by_user_id = @user", connection);
        delete.Parameters.AddWithValue("user", userId);
        await delete.ExecuteNonQueryAsync();
    }

    private static async Task<Guid> ReportAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hidden-dangers", new
        {
            name = "配电室门未关闭",
            description = "配电室门敞开，无人值守",
            level = "General",
            source = "Routine",
            location = "一号配电室",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();

    private static Task<HttpResponseMessage> UploadOnHiddenDangerAsync(HttpClient client, Guid id, string kind) =>
        client.PostAsync($"/api/v1/hidden-dangers/{id}/photos", new MultipartFormDataContent { { Png(), "file", "photo.png" }, { new StringContent(kind), "kind" } });

    private static Task<HttpResponseMessage> UploadForInspectionAsync(HttpClient client) =>
        client.PostAsync("/api/v1/inspections/photos", new MultipartFormDataContent { { Png(), "file", "photo.png" } });

    private static ByteArrayContent Png()
    {
        var image = new ByteArrayContent(PhotoCorpus.SmallPng);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return image;
    }

    /// <summary>The API answers in Chinese unless asked otherwise.</summary>
    private static string InChinese(Func<string> text)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return text();
    }
}
