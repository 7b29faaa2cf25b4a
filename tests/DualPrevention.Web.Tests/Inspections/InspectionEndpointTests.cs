using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;
using DualPrevention.Web.Tests.Photos;

namespace DualPrevention.Web.Tests.Inspections;

/// <summary>The field-app contract: my tasks, a unit's tasks, photos, records and hidden-danger drafts, inside and across tenants.</summary>
public class InspectionEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A unit of its own with daily checks, and the windows the generation job made for them now.</summary>
    private async Task<(Guid UnitId, Dictionary<string, Guid> Windows)> UnitWithOpenWindowsAsync(Guid enterpriseId, string unitName, params string[] checks)
    {
        // The register is written at the time the windows are generated: written at an older clock, its change would
        // predate the enterprise's generation mark, and generation would rightly skip it as unchanged (ADR 0007).
        web.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var register = await HandBuiltRegister.ForAsync(web, enterpriseId);
        register.AnalysisObject($"I-{Guid.NewGuid():N}"[..20], "巡检罐区").Unit(unitName).Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5);
        foreach (var check in checks)
        {
            register.Measure(check);
        }

        await register.SaveAsync();
        var unitId = register.Units[unitName];
        await InspectionWindows.GenerateAsync(web, enterpriseId, atRealTime: true);
        var windows = await InspectionWindows.OpenAsync(web, unitId);
        return (unitId, windows.ToDictionary(w => w.Key["检查：".Length..], w => w.Value.Id));
    }

    [Fact]
    public async Task An_inspector_lists_its_tasks_and_a_units_tasks_and_another_enterprise_gets_404_and_a_regulator_403()
    {
        var (unitId, windows) = await UnitWithOpenWindowsAsync(web.Qd1, "API单元", "液位计完好", "呼吸阀畅通");
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        using var mine = JsonDocument.Parse(await inspector.GetStringAsync("/api/v1/inspections/my-tasks"));
        using var unit = JsonDocument.Parse(await inspector.GetStringAsync($"/api/v1/inspections/units/{unitId}/tasks"));

        var group = mine.RootElement.EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == unitId);
        group.GetProperty("unitName").GetString().ShouldBe("API单元");
        group.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetGuid()).Order().ShouldBe(windows.Values.Order());
        var task = unit.RootElement.GetProperty("tasks")[0];
        task.GetProperty("status").GetString().ShouldBe("Open");
        task.GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        (await (await web.ApiClientAsync("demo-wf1-inspector")).GetAsync($"/api/v1/inspections/units/{unitId}/tasks")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.ApiClientAsync("qingdao")).GetAsync("/api/v1/inspections/my-tasks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_png_upload_is_stored_and_served_back_re_encoded_and_a_renamed_text_file_or_an_oversized_photo_gets_400()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var tooLarge = new byte[PhotoContent.MaxBytes + 1];
        TinyPng.CopyTo(tooLarge, 0);

        var created = await PhotoUploads.PostAsync(inspector, TinyPng, "photo.png");
        var text = await PhotoUploads.PostAsync(inspector, "just some text"u8.ToArray(), "photo.jpg");
        var large = await PhotoUploads.PostAsync(inspector, tooLarge, "large.png");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var photo = await inspector.GetAsync($"/api/v1/inspections/photos/{id}");
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        using (var image = PhotoCorpus.Decode(await photo.Content.ReadAsByteArrayAsync()))
        {
            (image.Width, image.Height).ShouldBe((1, 1));
        }

        foreach (var refused in new[] { text, large })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        (await (await web.ApiClientAsync("demo-wf1-admin")).GetAsync($"/api/v1/inspections/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_field_app_submits_a_record_twice_and_gets_one_record_and_bad_or_foreign_submissions_are_refused()
    {
        var (_, windows) = await UnitWithOpenWindowsAsync(web.Qd1, "提交单元", "防火堤完好");
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var body = new { submissionId = Guid.NewGuid(), result = "Normal", note = "正常", photoIds = Array.Empty<Guid>(), latitude = 36.07, longitude = 120.38, accuracy = 12.5, deviceImei = "860000000000001" };
        var url = $"/api/v1/inspections/tasks/{windows["防火堤完好"]}/records";

        var first = await inspector.PostAsJsonAsync(url, body);
        var second = await inspector.PostAsJsonAsync(url, body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var record = await first.Content.ReadFromJsonAsync<JsonElement>();
        record.GetProperty("isLate").GetBoolean().ShouldBeFalse();
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetGuid().ShouldBe(record.GetProperty("recordId").GetGuid());
        var missingResult = await inspector.PostAsJsonAsync(url, new { submissionId = Guid.NewGuid() });
        missingResult.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missingResult.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("result", out _).ShouldBeTrue();
        (await inspector.PostAsJsonAsync(url, body with { submissionId = Guid.NewGuid(), result = "NotInspected" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inspector.PostAsJsonAsync(url, new { submissionId = Guid.NewGuid(), result = "Normal", latitude = 36.0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var foreign = await (await web.ApiClientAsync("demo-wf1-inspector")).PostAsJsonAsync(url, body with { submissionId = Guid.NewGuid() });
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.ApiClientAsync("qingdao")).PostAsJsonAsync(url, body with { submissionId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_hidden_danger_found_opens_a_draft_that_its_enterprise_reads_and_edits_and_another_enterprise_cannot_reach()
    {
        var (_, windows) = await UnitWithOpenWindowsAsync(web.Qd1, "隐患单元", "罐体无腐蚀");
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var photoId = (await (await PhotoUploads.PostAsync(inspector, TinyPng, "c.png")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var submitted = await inspector.PostAsJsonAsync(
            $"/api/v1/inspections/tasks/{windows["罐体无腐蚀"]}/records",
            new { submissionId = Guid.NewGuid(), result = "HiddenDangerFound", note = "罐底板腐蚀", photoIds = new[] { photoId } });
        var draftId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hiddenDangerId").GetGuid();
        var draftUrl = $"/api/v1/hidden-dangers/drafts/{draftId}";

        var draft = await inspector.GetFromJsonAsync<JsonElement>(draftUrl);
        draft.GetProperty("description").GetString().ShouldBe("罐底板腐蚀");
        draft.GetProperty("unitName").GetString().ShouldBe("隐患单元");
        draft.GetProperty("photoIds")[0].GetGuid().ShouldBe(photoId);
        (await inspector.PutAsJsonAsync(draftUrl, new { name = "", description = "x", level = "General" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inspector.PutAsJsonAsync(draftUrl, new { name = "罐底板腐蚀", description = "罐底板腐蚀穿孔风险", level = "Major" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await inspector.GetFromJsonAsync<JsonElement>(draftUrl)).GetProperty("level").GetString().ShouldBe("Major");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        (await wf1.GetAsync(draftUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PutAsJsonAsync(draftUrl, new { name = "改", description = "改", level = "General" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
