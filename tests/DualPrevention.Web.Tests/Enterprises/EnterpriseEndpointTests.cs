using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Enterprises;

namespace DualPrevention.Web.Tests.Enterprises;

public class EnterpriseEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private sealed record Page(List<Row> Items, int TotalCount);

    private sealed record Row(Guid Id, string ShortCode);

    [Fact]
    public async Task An_enterprise_user_lists_only_its_enterprise()
    {
        var client = await web.ApiClientAsync("demo-qd1-inspector");

        var page = await client.GetFromJsonAsync<Page>("/api/v1/enterprises");

        page!.Items.Select(r => r.ShortCode).ShouldBe(["demo-qd1"]);
    }

    [Fact]
    public async Task The_Qingdao_reviewer_lists_both_Qingdao_enterprises_but_not_Weifang()
    {
        var client = await web.ApiClientAsync("qingdao");

        var page = await client.GetFromJsonAsync<Page>("/api/v1/enterprises?sort=ShortCode");

        page!.Items.Select(r => r.ShortCode).ShouldBe(["demo-qd1", "demo-qd2"]);
    }

    [Theory]
    [InlineData("demo-qd1-admin")]
    [InlineData("qingdao")]
    public async Task Another_tenants_enterprise_is_not_found_for_reading_or_writing(string userName)
    {
        var client = await web.ApiClientAsync(userName);

        (await client.GetAsync($"/api/v1/enterprises/{web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var put = await client.PutAsJsonAsync($"/api/v1/enterprises/{web.Wf1}", new { details = new EnterpriseDetails { Name = "x" }, version = 0u });
        put.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        var admin = await web.ApiClientAsync("weifang");
        var wf1 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/enterprises/{web.Wf1}");
        wf1.GetProperty("details").GetProperty("name").GetString().ShouldBe("潍坊示范化学有限公司");
    }

    [Fact]
    public async Task A_wrong_credit_code_check_character_answers_400_with_the_field_named()
    {
        var client = await web.ApiClientAsync("qingdao");

        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new
        {
            shortCode = "qd-api-typo",
            details = new { name = "接口测试公司", unifiedSocialCreditCode = "91370211MA3QD00019", regionCode = "370211", kinds = 1, address = "测试路", principalName = "赵六" },
            firstAdmin = new { userName = "qd-api-typo-admin", displayName = "赵六", initialPassword = "Start#2026" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty("Details.UnifiedSocialCreditCode");
        messages[0].GetString()!.ShouldContain("校验码");
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo-qd1-east")]
    public async Task A_short_code_that_is_a_hyphen_prefix_of_another_or_extends_one_is_refused_so_user_names_cannot_collide(string shortCode)
    {
        var client = await web.ApiClientAsync("qingdao");

        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new
        {
            shortCode,
            details = new { name = "前缀测试公司", unifiedSocialCreditCode = "91370211MA3QD00772", regionCode = "370211", kinds = 1, address = "测试路", principalName = "赵六" },
            firstAdmin = new { userName = $"{shortCode}-admin", displayName = "赵六", initialPassword = "Start#2026" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("前缀");
    }

    [Fact]
    public async Task Only_city_reviewers_register_enterprises()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");

        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new { shortCode = "nope", details = new { }, firstAdmin = new { } });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_enterprise_page_of_another_tenant_answers_404_and_its_own_page_200()
    {
        var client = await web.CookieClientAsync("demo-qd1-admin");

        (await client.GetAsync($"/enterprises/{web.Qd1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/enterprises/{web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/enterprises/{web.Qd2}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_enterprise_list_page_is_for_regulators_only()
    {
        var inspector = await web.CookieClientAsync("demo-qd2-inspector");
        var reviewer = await web.CookieClientAsync("weifang");

        var denied = await inspector.GetAsync("/enterprises");
        var allowed = await reviewer.GetAsync("/enterprises");

        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
