using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>/api/v1/positioning</c>, the registry of ADR 0036: an enterprise registers tags and people, hands a visitor a
/// temporary tag and takes it back, issues a device credential whose secret it sees once; lists page, sort and
/// search; another enterprise finds none of it (404), other roles and regulators are refused, every change is audited.
/// </summary>
public class RegistryEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_visitor_gets_a_temporary_tag_that_the_lists_show_held_until_it_is_returned_and_each_step_is_audited()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var tagId = await CreateAsync(admin, "/api/v1/positioning/tags", new { serial = "API-VIS-01", kind = "Badge" });
        var visitorId = await CreateAsync(admin, "/api/v1/positioning/persons", new
        {
            name = "接口访客甲",
            type = "Visitor",
            company = "某设计院",
            training = "Trained",
            certificates = new[] { new { name = "安全培训合格证", number = "API-C-001", expiresOn = "2027-01-31" } },
        });
        var until = DateTimeOffset.UtcNow.AddHours(4);

        var bindingId = await CreateAsync(admin, "/api/v1/positioning/bindings", new { tagId, personId = visitorId, validUntil = until });
        var tag = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/tags?search=API-VIS-01")).GetProperty("items").EnumerateArray().Single();
        var held = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/bindings?search=接口访客甲");
        var person = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/positioning/persons/{visitorId}");
        var returned = await admin.PostAsync($"/api/v1/positioning/bindings/{bindingId}/return", null);
        var again = await admin.PostAsync($"/api/v1/positioning/bindings/{bindingId}/return", null);
        var free = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/tags?search=API-VIS-01&free=true")).GetProperty("items").EnumerateArray().Single();
        var stillHeld = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/bindings?search=接口访客甲");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/bindings?search=接口访客甲&held=false");

        (tag.GetProperty("holderId").GetGuid(), tag.GetProperty("holderName").GetString(), tag.GetProperty("holderType").GetString()).ShouldBe((visitorId, "接口访客甲", "Visitor"));
        held.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(bindingId);
        person.GetProperty("certificates")[0].GetProperty("number").GetString().ShouldBe("API-C-001");
        person.GetProperty("bindings")[0].GetProperty("tagSerial").GetString().ShouldBe("API-VIS-01");
        returned.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        free.GetProperty("holderId").ValueKind.ShouldBe(JsonValueKind.Null);
        stillHeld.GetProperty("totalCount").GetInt32().ShouldBe(0);
        history.GetProperty("items")[0].GetProperty("returnedAt").ValueKind.ShouldBe(JsonValueKind.String);

        await using var db = web.OwnerContext(TenantScope.System);
        var ids = new[] { tagId.ToString(), visitorId.ToString(), bindingId.ToString() };
        var actions = (await db.AuditEntries.Where(e => ids.Contains(e.EntityId)).Select(e => new { e.EntityType, e.Action }).ToListAsync())
            .Select(e => (e.EntityType, e.Action)).ToList();
        actions.ShouldContain(("PositioningTag", AuditAction.Insert));
        actions.ShouldContain(("Person", AuditAction.Insert));
        actions.ShouldContain(("TagBinding", AuditAction.Insert));
        actions.ShouldContain(("TagBinding", AuditAction.Update));
    }

    [Fact]
    public async Task Lists_page_sort_and_search()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        foreach (var serial in new[] { "PAGE-03", "PAGE-01", "PAGE-02" })
        {
            await CreateAsync(admin, "/api/v1/positioning/tags", new { serial, kind = "Helmet" });
        }

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/tags?search=page-&pageSize=2");
        var second = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/tags?search=page-&pageSize=2&page=2");
        var descending = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/tags?search=page-&sort=Name&descending=true");

        first.GetProperty("totalCount").GetInt32().ShouldBe(3);
        Serials(first).ShouldBe(["PAGE-01", "PAGE-02"]);
        Serials(second).ShouldBe(["PAGE-03"]);
        Serials(descending).ShouldBe(["PAGE-03", "PAGE-02", "PAGE-01"]);
    }

    [Fact]
    public async Task A_device_credential_shows_its_secret_topic_and_endpoint_once_and_the_list_never_holds_a_secret()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var issued = await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "接口测试定位引擎" });
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var listed = await admin.GetStringAsync("/api/v1/positioning/device-credentials?search=接口测试定位引擎");
        var revoked = await admin.PostAsync($"/api/v1/positioning/device-credentials/{id}/revoke", null);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/device-credentials?search=接口测试定位引擎&revoked=true");

        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        body.GetProperty("secret").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(20);
        body.GetProperty("topic").GetString().ShouldBe($"positioning/{web.Qd1:D}/fixes");
        body.GetProperty("httpEndpoint").GetString().ShouldBe("/api/v1/positioning/fixes");
        body.GetProperty("username").GetString().ShouldBe($"device-{id:N}");
        listed.ShouldContain(id.ToString());
        listed.ShouldNotContain(body.GetProperty("secret").GetString()!);
        listed.ShouldNotContain("secret", Case.Insensitive);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.GetProperty("items")[0].GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task A_device_credential_names_every_channel_of_its_enterprise_and_each_endpoint_takes_its_login()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var body = await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "接口测试多通道网关" })).Content.ReadFromJsonAsync<JsonElement>();
        var device = web.Factory.CreateClient();
        device.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{body.GetProperty("username").GetString()}:{body.GetProperty("secret").GetString()}")));

        var channels = body.GetProperty("channels").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("topic").GetString(), c.GetProperty("httpEndpoint").GetString())).ToList();
        channels.ShouldBe([
            ("PositioningFixes", $"positioning/{web.Qd1:D}/fixes", "/api/v1/positioning/fixes"),
            ("VideoAlarms", $"video/{web.Qd1:D}/alarms", "/api/v1/video-alarms"),
            ("MonitoringReadings", $"monitoring/{web.Qd1:D}/readings", "/api/v1/monitoring/readings")]);
        foreach (var (_, _, endpoint) in channels)
        {
            // An empty object is no payload of any kind: refused by the endpoint itself, so the route exists and the login passed.
            var answer = await device.PostAsync(endpoint, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            answer.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed], endpoint);
        }
    }

    [Fact]
    public async Task Another_enterprise_finds_nothing_and_other_roles_and_regulators_are_refused()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var tagId = await CreateAsync(admin, "/api/v1/positioning/tags", new { serial = "ISO-01", kind = "Wristband" });
        var personId = await CreateAsync(admin, "/api/v1/positioning/persons", new { name = "隔离员工", type = "Employee", training = "Trained" });
        var bindingId = await CreateAsync(admin, "/api/v1/positioning/bindings", new { tagId, personId });
        var credentialId = (await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "隔离引擎" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        var wf1Tag = await CreateAsync(wf1, "/api/v1/positioning/tags", new { serial = "ISO-01", kind = "Badge" });
        (await wf1.GetAsync($"/api/v1/positioning/persons/{personId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId = wf1Tag, personId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId, personId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsync($"/api/v1/positioning/bindings/{bindingId}/return", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsync($"/api/v1/positioning/device-credentials/{credentialId}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var list in new[] { "tags", "persons", "bindings", "bindings?held=false", "device-credentials" })
        {
            var text = await wf1.GetStringAsync($"/api/v1/positioning/{list}");
            text.ShouldNotContain(tagId.ToString());
            text.ShouldNotContain(personId.ToString());
            text.ShouldNotContain(bindingId.ToString());
            text.ShouldNotContain(credentialId.ToString());
        }

        foreach (var reader in new[] { await web.ApiClientAsync("demo-qd1-inspector"), await web.ApiClientAsync("qingdao") })
        {
            (await reader.GetAsync("/api/v1/positioning/persons")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await reader.GetAsync($"/api/v1/positioning/persons/{personId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await reader.PostAsJsonAsync("/api/v1/positioning/tags", new { serial = "RO-01", kind = "Badge" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_malformed_field_is_refused_with_400_naming_it()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var tagId = await CreateAsync(admin, "/api/v1/positioning/tags", new { serial = "VAL-01", kind = "Badge" });
        var visitorId = await CreateAsync(admin, "/api/v1/positioning/persons", new { name = "校验访客", type = "Visitor", company = "某公司", training = "NotTrained" });

        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/v1/positioning/tags", new { serial = "有 空格", kind = "Badge" }), "Serial");
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/v1/positioning/persons", new { name = "无单位承包商", type = "Contractor", training = "Trained" }), "Company");
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/v1/positioning/persons", new
        {
            name = "证书过远",
            type = "Employee",
            training = "Trained",
            certificates = new[] { new { name = "证", number = "1", expiresOn = "2200-01-01" } },
        }), "ExpiresOn");
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId, personId = visitorId, validUntil = "2200-01-01T00:00:00Z" }), "ValidUntil");
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "" }), "Name");
        var openEnded = await admin.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId, personId = visitorId });
        openEnded.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a visitor's binding says until when");
    }

    private static List<string?> Serials(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("serial").GetString()).ToList();

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.EndsWith(field, StringComparison.Ordinal), text);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
