using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Testing;

namespace DualPrevention.Web.Tests.Inspections;

/// <summary>The inspection and draft pages, prerendered for their own enterprise and 404 for another's ids.</summary>
public class InspectionPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private async Task<(Guid UnitId, Guid WindowId)> UnitWithOpenWindowAsync(Guid enterpriseId, string unitName)
    {
        var register = await HandBuiltRegister.ForAsync(web, enterpriseId);
        register.AnalysisObject($"P-{Guid.NewGuid():N}"[..20], "页面罐区").Unit(unitName).Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5).Measure("液位计完好");
        await register.SaveAsync();
        var unitId = register.Units[unitName];
        await InspectionWindows.GenerateAsync(web, enterpriseId, atRealTime: true);
        return (unitId, (await InspectionWindows.OpenAsync(web, unitId)).Values.Single().Id);
    }

    [Fact]
    public async Task The_inspection_pages_show_the_own_unit_and_its_draft_and_answer_404_for_another_enterprises()
    {
        var (own, ownWindow) = await UnitWithOpenWindowAsync(web.Qd1, "页面单元");
        var (foreign, foreignWindow) = await UnitWithOpenWindowAsync(web.Wf1, "潍坊页面单元");
        var ownDraft = await DraftOfAsync("demo-qd1-inspector", ownWindow);
        var foreignDraft = await DraftOfAsync("demo-wf1-inspector", foreignWindow);
        var qd1 = await web.CookieClientAsync("demo-qd1-inspector");

        var myTasks = await qd1.GetAsync("/inspect");
        var unitPage = await qd1.GetStringAsync($"/inspect/units/{own}");
        var draftPage = await qd1.GetStringAsync($"/hidden-dangers/drafts/{ownDraft}");

        myTasks.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await myTasks.Content.ReadAsStringAsync()).ShouldContain("我的排查任务");
        unitPage.ShouldContain("页面单元");
        draftPage.ShouldContain("隐患上报（草稿）");
        (await qd1.GetAsync($"/inspect/units/{foreign}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync($"/hidden-dangers/drafts/{foreignDraft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Reports a hidden danger on the window through the API and returns the draft's id.</summary>
    private async Task<Guid> DraftOfAsync(string userName, Guid windowId)
    {
        var client = await web.ApiClientAsync(userName);
        var response = await client.PostAsJsonAsync(
            $"/api/v1/inspections/tasks/{windowId}/records", new { submissionId = Guid.NewGuid(), result = "HiddenDangerFound", note = "渗漏" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hiddenDangerId").GetGuid();
    }
}
