using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DualPrevention.Web.Tests.Notifications;

/// <summary>
/// <c>/api/v1/group-robots</c> as users and attackers call it (ADR 0019), on a real host and database: each malformed
/// field answers 400 naming it, another owner's robot answers 404 to every verb, a role that manages no robots 403,
/// and the host's own robot addresses (an on-premises relay, here a local listener) replace the platforms'.
/// </summary>
public sealed class GroupRobotEndpointTests(WebFixture web) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private const string WeComUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx";

    private const string DingTalkUrl = "https://oapi.dingtalk.com/robot/send?access_token=9f2c5e8bd1a7";

    private const string Reported = GroupRobotEvents.HiddenDangerReported;

    private const string Escalated = GroupRobotEvents.HiddenDangerEscalated;

    private readonly GroupRobotListener _listener = new();
    private WebApplicationFactory<Program> _local = null!;

    public Task InitializeAsync()
    {
        _local = web.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:GroupRobots:WeComWebhook", _listener.Url("cgi-bin/webhook/send").AbsoluteUri)
            .UseSetting("Notifications:GroupRobots:DingTalkWebhook", _listener.Url("robot/send").AbsoluteUri));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        _listener.Dispose();
    }

    public static TheoryData<string, object, string> InvalidAdditions => new()
    {
        { "foreign host", Robot("WeCom", "https://example.com/cgi-bin/webhook/send?key=abc"), "Webhook" },
        { "no key", Robot("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key="), "Webhook" },
        { "plain http", Robot("DingTalk", "http://oapi.dingtalk.com/robot/send?access_token=abc"), "Webhook" },
        { "the other platform's URL", Robot("DingTalk", WeComUrl), "Webhook" },
        { "no URL", Robot("WeCom", null), "webhook" },
        { "a space in the URL", Robot("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a b"), "Webhook" },
        { "a secret for WeCom", Robot("WeCom", WeComUrl, secret: "SECabc"), "Secret" },
        { "a secret not SEC…", Robot("DingTalk", DingTalkUrl, secret: "abc"), "Secret" },
        { "no events", Robot("WeCom", WeComUrl, events: []), "TemplateKeys" },
        { "an unknown event", Robot("WeCom", WeComUrl, events: ["no.such.event"]), "TemplateKeys" },
        { "a blank name", Robot("WeCom", WeComUrl, name: " "), "Name" },
        { "a name too long", Robot("WeCom", WeComUrl, name: new string('群', GroupRobotInput.MaxNameLength + 1)), "Name" },
        { "an unknown platform", Robot("Slack", WeComUrl), "kind" },
        { "an unknown language", new { name = "安全群", kind = "WeCom", webhook = WeComUrl, templateKeys = new[] { Reported }, language = "fr" }, "Language" },
        { "a platform by number", new { name = "安全群", kind = 7, webhook = WeComUrl, templateKeys = new[] { Reported } }, "Kind" },
    };

    [Theory]
    [MemberData(nameof(InvalidAdditions))]
    public async Task Each_invalid_field_of_an_addition_answers_400_naming_it(string what, object body, string field)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var response = await admin.PostAsJsonAsync("/api/v1/group-robots", body);

        await ShouldNameOnlyAsync(response, field, what);
    }

    [Fact]
    public async Task A_bureau_may_not_choose_an_enterprise_event_and_an_edit_is_checked_like_an_addition()
    {
        var city = await web.ApiClientAsync("qingdao");
        await ShouldNameOnlyAsync(await city.PostAsJsonAsync("/api/v1/group-robots", Robot("WeCom", WeComUrl, events: [Reported])), "TemplateKeys", "enterprise event");

        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await AddAsync(admin, Robot("DingTalk", DingTalkUrl, name: "编辑校验群"));
        await ShouldNameOnlyAsync(await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit(webhook: WeComUrl)), "Webhook", "edit to the other platform");
        await ShouldNameOnlyAsync(await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit(secret: "not-a-secret")), "Secret", "edit with a bad secret");
        await ShouldNameOnlyAsync(await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit(events: [])), "TemplateKeys", "edit without events");
        await ShouldNameOnlyAsync(await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit(name: "")), "Name", "edit without a name");
        await ShouldNameOnlyAsync(await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", new { name = "改名群", templateKeys = new[] { Reported }, language = "zh" }), "Language", "edit to an unknown language");
        (await admin.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Where_the_host_overrides_the_robot_addresses_the_platforms_own_URLs_are_refused_and_the_overridden_ones_post()
    {
        var admin = await ApiClientAsync(_local, "demo-qd2-admin");

        await ShouldNameOnlyAsync(await admin.PostAsJsonAsync("/api/v1/group-robots", Robot("DingTalk", DingTalkUrl)), "Webhook", "the platform's own URL");
        var id = await AddAsync(admin, Robot("DingTalk", _listener.Url("robot/send?access_token=qd2").AbsoluteUri, secret: GroupRobotListener.Secret, name: "二号安全群"));
        var answer = await (await admin.PostAsync($"/api/v1/group-robots/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        (answer.GetProperty("delivered").GetBoolean(), answer.GetProperty("errorCode").GetInt32(), answer.GetProperty("answer").GetString()).ShouldBe((true, 0, "ok"));
        _listener.Snapshot().ShouldHaveSingleItem().SignatureValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_enterprises_robot_answers_404_to_every_verb_and_is_not_listed()
    {
        var owner = await ApiClientAsync(_local, "demo-qd1-admin");
        var id = await AddAsync(owner, Robot("WeCom", _listener.Url("cgi-bin/webhook/send?key=qd1").AbsoluteUri, name: "一号值班群"));

        var other = await ApiClientAsync(_local, "demo-qd2-admin");
        await ShouldAllBeNotFoundAsync(other, id);

        var robots = await ListAsync(owner);
        robots.ShouldContain(r => r.Id == id && r.Name == "一号值班群" && r.IsEnabled && r.TemplateKeys.Count == 1);
        _listener.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_city_reviewer_manages_only_the_citys_robots_and_the_province_only_the_provinces()
    {
        var qingdao = await ApiClientAsync(_local, "qingdao");
        var province = await ApiClientAsync(_local, "province");
        var enterprise = await ApiClientAsync(_local, "demo-qd1-admin");
        var cityRobot = await AddAsync(qingdao, Robot("WeCom", _listener.Url("cgi-bin/webhook/send?key=qd").AbsoluteUri, events: [Escalated], name: "青岛督办群"));
        var provinceRobot = await AddAsync(province, Robot("WeCom", _listener.Url("cgi-bin/webhook/send?key=sd").AbsoluteUri, events: [Escalated], name: "省厅督办群"));
        var enterpriseRobot = await AddAsync(enterprise, Robot("WeCom", _listener.Url("cgi-bin/webhook/send?key=e1").AbsoluteUri, name: "企业群"));

        foreach (var (userName, theirs) in new[]
                 {
                     ("weifang", cityRobot), ("province", cityRobot), ("qingdao", provinceRobot), ("weifang", provinceRobot),
                     ("qingdao", enterpriseRobot), ("province", enterpriseRobot), ("demo-qd1-admin", cityRobot), ("demo-wf1-admin", provinceRobot),
                 })
        {
            await ShouldAllBeNotFoundAsync(await ApiClientAsync(_local, userName), theirs, userName);
        }

        (await ListAsync(qingdao)).Select(r => r.Id).ShouldBe([cityRobot]);
        (await ListAsync(province)).Select(r => r.Id).ShouldBe([provinceRobot]);
        (await qingdao.PutAsJsonAsync($"/api/v1/group-robots/{cityRobot}/enabled", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await province.DeleteAsync($"/api/v1/group-robots/{provinceRobot}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(qingdao)).ShouldHaveSingleItem().IsEnabled.ShouldBeFalse();
        (await ListAsync(province)).ShouldBeEmpty();
        _listener.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_inspector_gets_403_from_every_endpoint()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await AddAsync(admin, Robot("WeCom", WeComUrl, name: "巡检不可见群"));
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        (await inspector.GetAsync("/api/v1/group-robots")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PostAsJsonAsync("/api/v1/group-robots", Robot("WeCom", WeComUrl))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PutAsJsonAsync($"/api/v1/group-robots/{id}", Edit())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PutAsJsonAsync($"/api/v1/group-robots/{id}/enabled", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PostAsync($"/api/v1/group-robots/{id}/test", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.DeleteAsync($"/api/v1/group-robots/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ListAsync(admin)).ShouldContain(r => r.Id == id && r.IsEnabled);
    }

    private static object Robot(string kind, string? webhook, string? secret = null, string[]? events = null, string name = "安全群") =>
        new { name, kind, webhook, secret, templateKeys = events ?? [Reported] };

    private static object Edit(string name = "改名群", string? webhook = null, string? secret = null, string[]? events = null) =>
        new { name, templateKeys = events ?? [Reported], webhook, secret, removeSecret = false };

    private static async Task ShouldNameOnlyAsync(HttpResponseMessage response, string field, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field], what);
    }

    private static async Task ShouldAllBeNotFoundAsync(HttpClient other, Guid theirs, string? who = null)
    {
        (await ListAsync(other)).ShouldNotContain(r => r.Id == theirs, who);
        (await other.PutAsJsonAsync($"/api/v1/group-robots/{theirs}", Edit(events: [Escalated]))).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
        (await other.PutAsJsonAsync($"/api/v1/group-robots/{theirs}/enabled", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
        (await other.PostAsync($"/api/v1/group-robots/{theirs}/test", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
        (await other.DeleteAsync($"/api/v1/group-robots/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
    }

    private static async Task<Guid> AddAsync(HttpClient client, object robot)
    {
        var response = await client.PostAsJsonAsync("/api/v1/group-robots", robot);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<ListGroupRobots.Row>> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/group-robots");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return result.GetProperty("robots").Deserialize<List<ListGroupRobots.Row>>(Json)!;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<HttpClient> ApiClientAsync(WebApplicationFactory<Program> host, string userName)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoDatabase.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
