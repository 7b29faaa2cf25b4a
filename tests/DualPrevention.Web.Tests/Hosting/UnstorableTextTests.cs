using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Hosting;

public class UnstorableTextTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Text_with_a_NUL_character_is_refused_as_bad_input_not_a_server_fault()
    {
        var reporter = await web.ApiClientAsync("demo-qd1-inspector");

        var response = await reporter.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "配电室\u0000门", description = "挡板缺失", level = "General", source = "Routine" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
