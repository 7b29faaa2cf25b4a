using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Risks;

/// <summary>The 包保 view of a major hazard source, by API and page, inside the tenant scope only.</summary>
public class MajorHazardAccountabilityEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Sources = "/api/v1/risk-register/major-hazard-sources";

    [Fact]
    public async Task The_owner_and_its_city_read_the_accountability_view_and_another_enterprise_or_city_gets_404()
    {
        var id = await CreateSourceAsync("API-BAOBAO-1");
        var own = await (await web.ApiClientAsync("demo-qd1-inspector")).GetFromJsonAsync<JsonElement>($"{Sources}/{id}/accountability");
        var city = await (await web.ApiClientAsync("qingdao")).GetAsync($"{Sources}/{id}/accountability");
        var foreign = await (await web.ApiClientAsync("demo-wf1-admin")).GetAsync($"{Sources}/{id}/accountability");
        var foreignCity = await (await web.ApiClientAsync("weifang")).GetAsync($"{Sources}/{id}/accountability");

        own.GetProperty("hazardCode").GetString().ShouldBe("API-BAOBAO-1");
        own.GetProperty("roles").GetArrayLength().ShouldBe(3);
        city.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignCity.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_accountability_page_opens_for_the_owner_and_the_city_and_is_404_for_another_enterprise()
    {
        var id = await CreateSourceAsync("API-BAOBAO-2");

        (await (await web.CookieClientAsync("demo-qd1-admin")).GetAsync($"/major-hazard-sources/{id}/accountability")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await web.CookieClientAsync("qingdao")).GetAsync($"/major-hazard-sources/{id}/accountability")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await web.CookieClientAsync("demo-wf1-admin")).GetAsync($"/major-hazard-sources/{id}/accountability")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Guid> CreateSourceAsync(string code)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var response = await admin.PostAsJsonAsync(Sources, new { hazardCode = code, name = $"包保{code}", level = 2 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
