using System.Net;
using System.Net.Http.Json;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Notifications;

public class NotificationEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private sealed record Page(List<Item> Items, int TotalCount);

    private sealed record Item(Guid Id, string Title, string Body, string? Link, DateTimeOffset? ReadAt);

    [Fact]
    public async Task A_reviewer_reads_and_marks_only_their_own_notifications_and_others_ids_answer_404()
    {
        var (qingdaoNotice, weifangNotice) = await EscalateOneMajorItemInEachCityAsync();
        var qingdao = await web.ApiClientAsync("qingdao");
        var enterpriseAdmin = await web.ApiClientAsync("demo-qd1-admin");

        var page = await qingdao.GetFromJsonAsync<Page>("/api/v1/notifications");
        page!.Items.Select(i => i.Id).ShouldBe([qingdaoNotice]);
        page.Items[0].Title.ShouldBe("重大隐患已登记");
        (await UnreadAsync(qingdao)).ShouldBe(1);
        (await enterpriseAdmin.GetFromJsonAsync<Page>("/api/v1/notifications"))!.TotalCount.ShouldBe(0);

        (await qingdao.PostAsync($"/api/v1/notifications/{weifangNotice}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await enterpriseAdmin.PostAsync($"/api/v1/notifications/{qingdaoNotice}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UnreadAsync(qingdao)).ShouldBe(1);

        (await qingdao.PostAsync($"/api/v1/notifications/{qingdaoNotice}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UnreadAsync(qingdao)).ShouldBe(0);
        (await UnreadAsync(await web.ApiClientAsync("weifang"))).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_notification_reads_in_English_to_a_reader_who_asks_for_English_and_in_Chinese_otherwise()
    {
        var (qingdaoNotice, _) = await EscalateOneMajorItemInEachCityAsync();
        var chinese = await web.ApiClientAsync("qingdao");
        var english = await web.ApiClientAsync("qingdao");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var inChinese = (await chinese.GetFromJsonAsync<Page>("/api/v1/notifications"))!.Items.Single(i => i.Id == qingdaoNotice);
        var inEnglish = (await english.GetFromJsonAsync<Page>("/api/v1/notifications"))!.Items.Single(i => i.Id == qingdaoNotice);

        inChinese.Title.ShouldBe("重大隐患已登记");
        inChinese.Body.ShouldContain("重大隐患");
        inEnglish.Title.ShouldBe("Major hidden danger registered");
        inEnglish.Body.ShouldContain("major hidden danger");
        inEnglish.Body.ShouldContain("2027-01-31");
        inEnglish.Body.ShouldNotContain("隐患");
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Dictionary<string, int>>("/api/v1/notifications/unread-count"))!["count"];

    private async Task<(Guid Qingdao, Guid Weifang)> EscalateOneMajorItemInEachCityAsync()
    {
        var qd = await ForcedHiddenDanger.Of(web.Qd1).Major().DueOn(new DateOnly(2027, 1, 31)).SaveAsync(web);
        var wf = await ForcedHiddenDanger.Of(web.Wf1).Major().DueOn(new DateOnly(2027, 1, 31)).SaveAsync(web);
        await using (var services = web.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<EscalateHiddenDangers.Handler>().HandleAsync(CancellationToken.None);
        }

        await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(web.Factory.Services).RunAsync(CancellationToken.None);

        await using var db = web.OwnerContext(TenantScope.System);
        return (await db.Notifications.Where(n => n.Link == $"hidden-dangers/{qd}").Select(n => n.Id).SingleAsync(),
                await db.Notifications.Where(n => n.Link == $"hidden-dangers/{wf}").Select(n => n.Id).SingleAsync());
    }
}
