using System.Net.Http.Headers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// The OpenAPI document is a contract a client generator can use: a client generated from it with NSwag does a field
/// app's round (sign in, list my tasks, submit a record) against the host, and meets the refusals the document declares
/// as typed exceptions.
/// </summary>
public class GeneratedClientTests(WebFixture web) : IClassFixture<WebFixture>
{
    // Generated once for the class: the document depends on the code alone, and generating and compiling takes a while.
    private static Task<GeneratedClient>? _generated;

    [Fact]
    public async Task A_client_generated_from_the_document_signs_in_lists_my_tasks_and_submits_a_record()
    {
        var register = await HandBuiltRegister.ForAsync(web, web.Qd1);
        register.AnalysisObject($"G-{Guid.NewGuid():N}"[..20], "生成客户端罐区").Unit("客户端单元").Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5).Measure("液位计完好");
        await register.SaveAsync();
        var unitId = register.Units["客户端单元"];
        await InspectionWindows.GenerateAsync(web, web.Qd1, atRealTime: true);
        var windowId = (await InspectionWindows.OpenAsync(web, unitId)).Single().Value.Id;
        var generated = await GeneratedAsync();
        var http = web.Factory.CreateClient();
        var client = generated.Client(http);

        var token = await client.IssueTokenAsync(generated.Model("TokenRequest", new { UserName = "demo-qd1-inspector", Password = DemoDatabase.Password }));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token.AccessToken);
        IEnumerable<dynamic> myUnits = await client.ListMyTasksAsync();
        IEnumerable<dynamic> myTasks = myUnits.Single(u => (Guid)u.UnitId == unitId).Tasks;
        var record = await client.SubmitInspectionRecordAsync(windowId, generated.Model("InspectionRecordBody", new
        {
            SubmissionId = Guid.NewGuid(),
            Result = generated.EnumMember("InspectionResult", "Normal"),
            Note = "液位正常",
        }));

        myTasks.Select(t => (Guid)t.TaskId).ShouldBe([windowId]);
        ((bool)record.IsLate).ShouldBeFalse();
        Guid recordId = record.RecordId;
        await using var db = web.OwnerContext(TenantScope.System);
        var stored = await db.InspectionRecords.SingleAsync(r => r.Id == recordId);
        (stored.TaskId, stored.Result, stored.Note, stored.Channel).ShouldBe((windowId, InspectionResult.Normal, "液位正常", RecordChannel.Api));
        (await db.InspectionTasks.SingleAsync(t => t.Id == windowId)).Status.ShouldBe(InspectionTaskStatus.Completed);
    }

    [Fact]
    public async Task The_generated_client_meets_a_wrong_password_a_missing_result_and_an_unknown_task_as_the_declared_problems()
    {
        var generated = await GeneratedAsync();
        var http = web.Factory.CreateClient();
        var client = generated.Client(http);
        var token = await client.IssueTokenAsync(generated.Model("TokenRequest", new { UserName = "demo-qd1-inspector", Password = DemoDatabase.Password }));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token.AccessToken);

        var wrongPassword = await Refusal(() => client.IssueTokenAsync(generated.Model("TokenRequest", new { UserName = "demo-qd1-inspector", Password = "wrong" })));
        var missingResult = await Refusal(() => client.SubmitInspectionRecordAsync(Guid.NewGuid(), generated.Model("InspectionRecordBody", new { SubmissionId = Guid.NewGuid() })));
        var unknownTask = await Refusal(() => client.SubmitInspectionRecordAsync(Guid.NewGuid(), generated.Model("InspectionRecordBody", new
        {
            SubmissionId = Guid.NewGuid(),
            Result = generated.EnumMember("InspectionResult", "Normal"),
        })));

        (wrongPassword.Problem, (int)wrongPassword.Exception.StatusCode).ShouldBe(("ProblemDetails", 401));
        (missingResult.Problem, (int)missingResult.Exception.StatusCode).ShouldBe(("HttpValidationProblemDetails", 400));
        ((IDictionary<string, ICollection<string>>)missingResult.Exception.Result.Errors).Keys.ShouldContain("result");
        (unknownTask.Problem, (int)unknownTask.Exception.StatusCode).ShouldBe(("ProblemDetails", 404));
    }

    private Task<GeneratedClient> GeneratedAsync() =>
        LazyInitializer.EnsureInitialized(ref _generated, () => GeneratedClient.FromDocumentAsync(web.Factory.CreateClient()));

    /// <summary>The exception a generated call threw, and the name of the problem type the document declared for its status.</summary>
    private static async Task<(dynamic Exception, string Problem)> Refusal(Func<dynamic> call)
    {
        var exception = await Should.ThrowAsync<Exception>(async () => { await call(); });
        return (exception, exception.GetType().GetGenericArguments().Single().Name);
    }
}
