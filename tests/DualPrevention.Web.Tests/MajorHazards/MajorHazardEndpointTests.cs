using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.MajorHazards;

/// <summary>
/// <c>/api/v1/major-hazards</c> (ADR 0047): a source described and graded over HTTP gives Example 1 of
/// docs/domain/major-hazards.md#81-a-mixed-storage-unit; a malformed field answers 400 naming it; another enterprise
/// finds nothing (404) and the own city's regulator reads but grades nothing.
/// </summary>
public class MajorHazardEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Example_8_1_entered_over_the_API_grades_level_3_and_is_kept_in_the_history()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var source = await NewSourceAsync(admin);

        await OkAsync(admin.PutAsJsonAsync($"/api/v1/major-hazards/{source}/unit", new
        {
            unitType = "Storage",
            population500m = 70,
            substances = new[] { new { chemicalId = await ChemicalAsync(admin, "7664-41-7"), designMaxQuantity = 30m }, new { chemicalId = await ChemicalAsync(admin, "67-56-1"), designMaxQuantity = 800m }, new { chemicalId = await ChemicalAsync(admin, "68476-85-7"), designMaxQuantity = 40m } },
        }));
        var graded = await admin.PostAsJsonAsync($"/api/v1/major-hazards/{source}/grade", new { });
        graded.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await graded.Content.ReadFromJsonAsync<JsonElement>();

        (result.GetProperty("sValue").GetDecimal(), result.GetProperty("rValue").GetDecimal(), result.GetProperty("level").GetString()).ShouldBe((5.4m, 13.2m, "Level3"));
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/major-hazards/{source}");
        view.GetProperty("level").GetString().ShouldBe("Level3");
        view.GetProperty("calculations").GetArrayLength().ShouldBe(1);
        view.GetProperty("calculations")[0].GetProperty("lines").GetArrayLength().ShouldBe(3);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/major-hazards?level=Level3&pageSize=200");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(source);
    }

    [Fact]
    public async Task A_malformed_unit_answers_400_naming_the_field()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var source = await NewSourceAsync(admin);

        var negative = await admin.PutAsJsonAsync($"/api/v1/major-hazards/{source}/unit", new
        {
            unitType = "Storage",
            population500m = -1,
            substances = new[] { new { chemicalId = await ChemicalAsync(admin, "71-43-2"), designMaxQuantity = 0m } },
        });

        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("Population500m", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("Substances[0].DesignMaxQuantity", out _).ShouldBeTrue(errors.ToString());
        var unreadable = await admin.PutAsJsonAsync($"/api/v1/major-hazards/{source}/unit", new { unitType = "Pond", population500m = 1, substances = Array.Empty<object>() });
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_enterprise_finds_nothing_and_the_city_regulator_reads_but_grades_nothing()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var source = await NewSourceAsync(admin);
        await OkAsync(admin.PutAsJsonAsync($"/api/v1/major-hazards/{source}/unit", new { unitType = "Storage", population500m = 0, substances = new[] { new { chemicalId = await ChemicalAsync(admin, "71-43-2"), designMaxQuantity = 50m } } }));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/major-hazards/{source}/grade", new { }));

        var other = await web.ApiClientAsync("demo-wf1-admin");
        (await other.GetAsync($"/api/v1/major-hazards/{source}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/major-hazards/{source}/grade", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherList = await other.GetFromJsonAsync<JsonElement>("/api/v1/major-hazards?pageSize=200");
        otherList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(source);

        var qingdao = await web.ApiClientAsync("qingdao");
        (await qingdao.GetFromJsonAsync<JsonElement>($"/api/v1/major-hazards/{source}")).GetProperty("calculations").GetArrayLength().ShouldBe(1);
        (await qingdao.PostAsJsonAsync($"/api/v1/major-hazards/{source}/grade", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var weifang = await web.ApiClientAsync("weifang");
        (await weifang.GetAsync($"/api/v1/major-hazards/{source}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> NewSourceAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/risk-register/major-hazard-sources", new
        {
            hazardCode = $"MH-{Guid.NewGuid():N}"[..20],
            name = "储罐区",
            level = "Level4",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ChemicalAsync(HttpClient client, string cas)
    {
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/major-hazards/substances?search={cas}");
        return found.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
