using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Testing;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>The hidden-danger API end to end: the loop over HTTP, 400 for refused transitions and bad input, 404 across tenants.</summary>
public class HiddenDangerEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly object Report = new
    {
        name = "消防通道堆放杂物",
        description = "二号仓库消防通道堆放纸箱",
        level = "General",
        source = "Routine",
        location = "二号仓库",
        category = "FireProtection",
    };

    private sealed record Created(Guid Id);

    private sealed record Detail(Guid Id, string State, string? RectifierName, List<string> AllowedActions, List<Photo> Photos);

    private sealed record Photo(Guid Id, string Kind);

    [Fact]
    public async Task The_loop_runs_over_http_from_report_to_acceptance()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(inspector);
        var inspectorId = await UserIdAsync(inspector);

        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", Confirmation(inspectorId), Json)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UploadAsync(inspector, id, "AfterRectification")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await inspector.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/rectification", new { note = "已清理" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/accept", new { comment = "通道畅通" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var detail = await admin.GetFromJsonAsync<Detail>($"/api/v1/hidden-dangers/{id}", Json);
        detail!.State.ShouldBe("Accepted");
        var photo = detail.Photos.ShouldHaveSingleItem();
        photo.Kind.ShouldBe("AfterRectification");
        var bytes = await admin.GetByteArrayAsync($"/api/v1/hidden-dangers/{id}/photos/{photo.Id}");
        using var image = PhotoCorpus.Decode(bytes);
        (image.Width, image.Height).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Confirming_puts_a_notification_in_the_rectifiers_inbox_and_none_in_the_confirmers()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(inspector);
        var adminBefore = await InboxAsync(admin);

        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", Confirmation(await UserIdAsync(inspector)), Json)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var notice = (await InboxAsync(inspector)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("link").GetString() == $"hidden-dangers/{id}");
        notice.GetProperty("title").GetString().ShouldBe("您已被指定为隐患整改责任人");
        (await InboxAsync(admin)).GetProperty("totalCount").GetInt32().ShouldBe(adminBefore.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_refused_transition_and_bad_input_answer_400()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(admin);

        var refused = await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/accept", new { comment = "ok" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Refused");
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/invalidate", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "", description = "x", level = "General", source = "Routine" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var text = new MultipartFormDataContent { { new ByteArrayContent("not an image"u8.ToArray()), "file", "x.txt" } };
        (await admin.PostAsync($"/api/v1/hidden-dangers/{id}/photos", text)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_major_one_reported_with_a_reason_and_no_criterion_list_is_registered()
    {
        var inspector = await web.ApiClientAsync("demo-wf1-inspector");

        var response = await inspector.PostAsJsonAsync("/api/v1/hidden-dangers", new
        {
            name = "加氢装置联锁长期旁路",
            description = "加氢反应器温度高高联锁旁路超过30天",
            level = "Major",
            source = "Routine",
            grading = new { reason = "重点监管工艺安全联锁长期失效" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        var detail = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/hidden-dangers/{id}");
        (detail.GetProperty("majorCriterionNos").GetArrayLength(), detail.GetProperty("majorReason").GetString()).ShouldBe((0, "重点监管工艺安全联锁长期失效"));
    }

    [Fact]
    public async Task Validation_messages_name_the_hidden_danger_fields_not_a_control_measure()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var emptyDescription = await ProblemOfAsync(await admin.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "x", description = "", level = "General", source = "Routine" }));
        emptyDescription.ShouldContain("隐患描述");
        var longDescription = await ProblemOfAsync(await admin.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "x", description = new string('长', 4001), level = "General", source = "Routine" }));
        longDescription.ShouldContain("隐患描述");
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hidden-dangers")
        {
            Content = JsonContent.Create(new { name = "x", description = new string('x', 4001), level = "General", source = "Routine" }),
        };
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        (await ProblemOfAsync(await admin.SendAsync(english))).ShouldContain("Hidden-danger description");

        var draft = await ForcedHiddenDanger.Of(web.Qd1).InState(HiddenDangerState.Draft).SaveAsync(web);
        var draftEdit = await ProblemOfAsync(await admin.PutAsJsonAsync($"/api/v1/hidden-dangers/drafts/{draft}", new { name = "x", description = new string('长', 4001), level = "General" }));
        draftEdit.ShouldContain("隐患描述");

        var id = await ReportAsync(admin);
        var confirmation = new
        {
            rectifierUserId = await UserIdAsync(await web.ApiClientAsync("demo-qd1-inspector")),
            confirmation = new { level = "General", category = "FireProtection", deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), remediationMeasures = new string('长', 1001) },
        };
        (await ProblemOfAsync(await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", confirmation))).ShouldContain("治理措施");
        foreach (var problem in new[] { emptyDescription, longDescription, draftEdit })
        {
            problem.ShouldNotContain("管控措施");
        }
    }

    [Theory]
    [InlineData("Before", "zh-CN", "照片类型")]
    [InlineData("7", "zh-CN", "照片类型")]
    [InlineData("after", "en-US", "Photo kind")]
    public async Task An_unknown_photo_kind_answers_a_validation_problem_naming_kind_and_its_values(string kind, string culture, string label)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/hidden-dangers/{id}/photos") { Content = PhotoForm(kind) };
        request.Headers.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        var response = await admin.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("kind")[0].GetString()!;
        message.ShouldContain(label);
        message.ShouldContain("Finding");
        message.ShouldContain("AfterRectification");
        message.ShouldContain(kind);
        (await admin.GetFromJsonAsync<Detail>($"/api/v1/hidden-dangers/{id}", Json))!.Photos.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("demo-wf1-admin")]
    [InlineData("weifang")]
    public async Task Another_tenants_hidden_danger_is_not_found(string userName)
    {
        var id = await ReportAsync(await web.ApiClientAsync("demo-qd1-inspector"));
        var stranger = await web.ApiClientAsync(userName);

        (await stranger.GetAsync($"/api/v1/hidden-dangers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/invalidate", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/post", new { level = "City", organisation = "潍坊市安委会", noticeNo = "1", deadline = "2099-01-01" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(stranger, id, "Finding")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_Qingdao_reviewer_records_a_regulator_finding_and_sees_it()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var response = await qingdao.PostAsJsonAsync("/api/v1/hidden-dangers/regulator-reports", new { enterpriseId = web.Qd1, enforcementId = "ZF-1", report = Report });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        (await qingdao.GetFromJsonAsync<Detail>($"/api/v1/hidden-dangers/{id}", Json))!.State.ShouldBe("PendingConfirmation");
        (await qingdao.PostAsJsonAsync("/api/v1/hidden-dangers/regulator-reports", new { enterpriseId = web.Wf1, enforcementId = "ZF-2", report = Report })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_simultaneous_extension_requests_make_one_request_and_the_others_answer_409_with_a_reason()
    {
        var (inspector, id) = await RectifyingAsync();
        var deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var start = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            return await inspector.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/extension-requests", new { requestedDeadline = deadline, reason = $"备件未到 {i}" });
        }).ToList();
        start.Release(50);
        var answers = await Task.WhenAll(requests);

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).Select(a => (int)a.StatusCode).Distinct().ShouldAllBe(status => status == 409 || status == 400);
        foreach (var loser in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            (await loser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    public async Task An_extension_to_a_date_outside_the_world_is_refused_so_no_deadline_becomes_infinity(string requestedDeadline)
    {
        var (inspector, id) = await RectifyingAsync();

        var response = await inspector.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/extension-requests", new { requestedDeadline, reason = "备件未到" });

        (await ProblemOfAsync(response)).ShouldContain("2100-12-31");
    }

    /// <summary>A hidden danger of demo-qd1 confirmed for rectification by its inspector, and the inspector's client.</summary>
    private async Task<(HttpClient Inspector, Guid Id)> RectifyingAsync()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(inspector);
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", Confirmation(await UserIdAsync(inspector)), Json)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return (inspector, id);
    }

    private static object Confirmation(Guid rectifierUserId) => new
    {
        rectifierUserId,
        confirmation = new { level = "General", category = "FireProtection", deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
    };

    /// <summary>The texts of a 400 answer joined by new lines (decoded: the JSON escapes Chinese).</summary>
    private static async Task<string> ProblemOfAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return string.Join('\n', Texts(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };

    private static async Task<Guid> ReportAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hidden-dangers", Report);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string kind) =>
        client.PostAsync($"/api/v1/hidden-dangers/{id}/photos", PhotoForm(kind));

    private static MultipartFormDataContent PhotoForm(string kind)
    {
        var image = new ByteArrayContent(Png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { image, "file", "after.png" }, { new StringContent(kind), "kind" } };
    }

    private static Task<JsonElement> InboxAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=100");

    private static async Task<Guid> UserIdAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return me.GetProperty("userId").GetGuid();
    }
}
