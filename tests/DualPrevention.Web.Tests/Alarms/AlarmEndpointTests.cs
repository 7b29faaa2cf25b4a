using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
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
    public async Task The_own_regions_regulator_reads_the_alarm_but_may_not_confirm_it()
    {
        var regulator = await web.ApiClientAsync("qingdao");
        var alarm = await RaiseAsync(web.Qd1, "API-READ-1");

        (await regulator.GetAsync($"/api/v1/alarms/{alarm}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await regulator.PostAsync($"/api/v1/alarms/{alarm}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
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
