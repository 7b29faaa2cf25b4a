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

    private sealed record Item(Guid Id, string Title, string? Link, DateTimeOffset? ReadAt);

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
