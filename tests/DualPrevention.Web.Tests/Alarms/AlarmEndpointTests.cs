using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Tests.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Alarms;

/// <summary>
/// <c>/api/v1/alarms</c> (ADR 0037): the duty roles confirm, dispatch and resolve, mark false with a reason and convert
/// into a hidden danger; a malformed field answers 400 naming it; another enterprise and another region's regulator
/// find nothing (404) on every endpoint, and the own region's regulator reads but changes nothing.
/// </summary>
public class AlarmEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_duty_role_confirms_and_converts_an_alarm_into_a_hidden_danger_that_links_back()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var alarm = await RaiseAsync(web.Qd1, "API-CONVERT-1");

        var open = await admin.GetFromJsonAsync<JsonElement>("/api/v1/alarms?openOnly=true&pageSize=200");
        open.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(alarm);
        (await admin.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{alarm}/hidden-danger-draft");
        var created = await admin.PostAsync($"/api/v1/alarms/{alarm}/hidden-danger", JsonContent.Create(draft));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var hiddenDanger = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{alarm}");
        details.GetProperty("status").GetString().ShouldBe(nameof(AlarmStatus.ConvertedToHiddenDanger));
        details.GetProperty("hiddenDangerId").GetGuid().ShouldBe(hiddenDanger);
        details.GetProperty("history").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_false_alarm_without_its_note_and_a_dispatch_without_an_assignee_answer_400_naming_the_field()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var alarm = await RaiseAsync(web.Qd1, "API-400-1");

        var noNote = await admin.PostAsJsonAsync($"/api/v1/alarms/{alarm}/false-alarm", new { reason = "Other" });
        var noAssignee = await admin.PostAsJsonAsync($"/api/v1/alarms/{alarm}/dispatch", new { assigneeUserId = Guid.Empty, deadline = DateTimeOffset.UtcNow.AddHours(1) });

        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("Note");
        noAssignee.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noAssignee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("AssigneeUserId");
    }

    [Theory]
    [InlineData("demo-qd2-admin")]
    [InlineData("weifang")]
    public async Task Another_tenant_finds_no_alarm_on_any_endpoint(string userName)
    {
        var stranger = await web.ApiClientAsync(userName);
        var alarm = await RaiseAsync(web.Qd1, $"API-404-{userName}");

        (await stranger.GetAsync($"/api/v1/alarms/{alarm}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/alarms/{alarm}/hidden-danger-draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/alarms?enterpriseId={web.Qd1}");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        if (userName == "demo-qd2-admin")
        {
            (await stranger.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/alarms/{alarm}/false-alarm", new { reason = "Test" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/alarms/{alarm}/dispatch", new { assigneeUserId = Guid.NewGuid(), deadline = DateTimeOffset.UtcNow.AddHours(1) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/alarms/{alarm}/resolve", new { evidence = "已处置" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var draft = new { name = "隐患", description = "描述", level = "General", source = "MeasureFailure" };
            (await stranger.PostAsJsonAsync($"/api/v1/alarms/{alarm}/hidden-danger", draft)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_own_regions_regulator_reads_the_alarm_but_confirming_it_is_forbidden()
    {
        var regulator = await web.ApiClientAsync("qingdao");
        var alarm = await RaiseAsync(web.Qd1, "API-READ-1");

        (await regulator.GetAsync($"/api/v1/alarms/{alarm}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await regulator.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_alarm_resolved_with_an_uploaded_photo_answers_its_url_and_keeps_the_photo_which_only_its_readers_may_fetch()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var alarm = await RaiseAsync(web.Qd1, "API-PHOTO-1");
        var uploaded = await PhotoUploads.PostAsync(admin, PhotoCorpus.SmallPng, "处置后.png", "image/png");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var photo = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await admin.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/alarms/{alarm}/resolve", new { evidence = "已关闭阀门并通风", photoId = photo })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{alarm}");
        details.GetProperty("evidencePhotoId").GetGuid().ShouldBe(photo);
        var url = details.GetProperty("evidencePhotoUrl").GetString();
        url.ShouldBe($"/api/v1/inspections/photos/{photo}");
        var own = await admin.GetAsync(url);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await ExpiresAtAsync(photo)).ShouldBeNull();

        var regulator = await web.ApiClientAsync("qingdao");
        (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{alarm}")).GetProperty("evidencePhotoUrl").GetString().ShouldBe(url);
        (await regulator.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await web.ApiClientAsync("demo-qd2-admin")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.ApiClientAsync("weifang")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_photo_already_kept_or_of_another_enterprise_is_refused_with_400_and_the_alarm_stays_open()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var first = await RaiseAsync(web.Qd1, "API-PHOTO-2");
        var second = await RaiseAsync(web.Qd1, "API-PHOTO-3");
        var photo = (await (await PhotoUploads.PostAsync(admin, PhotoCorpus.SmallPng, "a.png", "image/png")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var foreign = (await (await PhotoUploads.PostAsync(await web.ApiClientAsync("demo-qd2-admin"), PhotoCorpus.SmallPng, "b.png", "image/png")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var alarm in new[] { first, second })
        {
            (await admin.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await admin.PostAsJsonAsync($"/api/v1/alarms/{first}/resolve", new { evidence = "已处置", photoId = photo })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var reused = await admin.PostAsJsonAsync($"/api/v1/alarms/{second}/resolve", new { evidence = "已处置", photoId = photo });
        var stranger = await admin.PostAsJsonAsync($"/api/v1/alarms/{second}/resolve", new { evidence = "已处置", photoId = foreign });

        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/alarms/{second}");
        details.GetProperty("status").GetString().ShouldBe(nameof(AlarmStatus.Confirmed));
        details.GetProperty("evidencePhotoUrl").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_api_document_describes_the_resolve_photo_and_the_alarms_photo_url()
    {
        using var document = JsonDocument.Parse(await web.Factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        paths.GetProperty("/api/v1/alarms/{id}/resolve").GetProperty("post").GetProperty("description").GetString()!.ShouldContain("photoId");
        var get = paths.GetProperty("/api/v1/alarms/{id}").GetProperty("get");
        get.GetProperty("description").GetString()!.ShouldContain("evidencePhotoUrl");
        var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").TryGetProperty("evidencePhotoUrl", out _).ShouldBeTrue();
    }

    private async Task<DateTimeOffset?> ExpiresAtAsync(Guid photoId)
    {
        await using var services = web.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync();
        return await db.Photos.Where(p => p.Id == photoId).Select(p => p.ExpiresAt).SingleAsync();
    }

    private async Task<Guid> RaiseAsync(Guid enterpriseId, string sourceEventId)
    {
        await using var services = web.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var raised = new RaisedAlarm(AlarmSource.Positioning, sourceEventId, AlarmCategories.Sos, AlarmSeverity.Critical, web.Clock.GetUtcNow(), "一键报警：接口测试", ZoneId: Guid.NewGuid());
        return (await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new(enterpriseId, raised), CancellationToken.None)).AlarmId;
    }
}
