using System.Text.Json;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// What <c>/openapi/v1.json</c> promises a client generator: every operation named, its success answer described and
/// the refusals it can meet declared as problems; enums as names, numbers as numbers, uploads as multipart forms.
/// </summary>
public class ApiDocumentTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_unique_readable_name_and_describes_its_success_answer()
    {
        var operations = await OperationsAsync();

        operations.Count.ShouldBeGreaterThan(90);
        operations.ShouldAllBe(o => o.Path.StartsWith("/api/v1/"));
        var names = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        names.ShouldAllBe(name => name != null && char.IsAsciiLetterUpper(name[0]) && name.All(char.IsAsciiLetterOrDigit));
        names.Distinct().Count().ShouldBe(names.Count);
        foreach (var (path, method, operation) in operations)
        {
            var successes = Responses(operation).Where(r => r.Name.StartsWith('2')).ToList();
            successes.ShouldNotBeEmpty($"{method} {path} declares no success");
            foreach (var success in successes)
            {
                // A 204 says there is no body; every other success says what its body is.
                var content = success.Value.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
                if (success.Name == "204")
                {
                    content.ShouldBeEmpty($"{method} {path}: 204 with a body");
                }
                else
                {
                    content.ShouldNotBeEmpty($"{method} {path}: {success.Name} without a body");
                    content.ShouldAllBe(media => media.Value.EnumerateObject().Any(p => p.Name == "schema"), $"{method} {path}: {success.Name} without a schema");
                }
            }
        }
    }

    [Fact]
    public async Task Every_operation_declares_the_refusals_it_can_meet_as_problem_details()
    {
        var operations = await OperationsAsync();

        foreach (var (path, method, operation) in operations)
        {
            var statuses = Responses(operation).Select(r => r.Name).ToHashSet();
            var where = $"{method} {path}";
            // Sign-in refusals: the token endpoint's own answers, everywhere else the bearer scheme's.
            statuses.ShouldContain("401", where);
            statuses.ShouldContain("403", where);
            operation.TryGetProperty("security", out _).ShouldBe(path != "/api/v1/auth/token", where);

            if (Parameters(operation).Any(p => p.GetProperty("in").GetString() == "path"))
            {
                statuses.ShouldContain("404", $"{where} names a resource in its path");
            }

            // A body or a query value that is not plain text can be unreadable or invalid.
            if (operation.TryGetProperty("requestBody", out _) || Parameters(operation).Any(p => p.GetProperty("in").GetString() == "query" && !IsText(p)))
            {
                statuses.ShouldContain("400", $"{where} reads input");
            }

            // 422 answers an import's preview with its problems; every other refusal is a problem document.
            foreach (var refusal in Responses(operation).Where(r => r.Name.StartsWith('4') && r.Name != "422"))
            {
                var schema = refusal.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                schema.ShouldBeOneOf(["#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails"], $"{where} {refusal.Name}");
            }
        }
    }

    [Fact]
    public async Task Enums_are_their_names_numbers_are_numbers_and_uploads_are_multipart_forms_with_a_binary_file()
    {
        using var document = await DocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var operations = await OperationsAsync();

        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        enums.ShouldNotBeEmpty();
        foreach (var schema in enums)
        {
            schema.Value.GetProperty("type").GetString().ShouldBe("string", schema.Name);
            schema.Value.GetProperty("enum").EnumerateArray().ShouldAllBe(member => member.ValueKind == JsonValueKind.String, schema.Name);
        }

        schemas.GetProperty("InspectionResult").GetProperty("enum").EnumerateArray().Select(m => m.GetString()).ShouldContain("HiddenDangerFound");
        Descendants(document.RootElement).Where(e => e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            .Select(e => e.GetProperty("type").EnumerateArray().Select(t => t.GetString()).ToList())
            .ShouldAllBe(types => !(types.Contains("string") && (types.Contains("integer") || types.Contains("number"))));
        schemas.TryGetProperty("IFormFile", out _).ShouldBeFalse();
        var uploads = operations.Where(o => o.Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out _)).ToList();
        uploads.Select(u => u.Path).ShouldBe(
            ["/api/v1/risk-register/imports", "/api/v1/inspections/photos", "/api/v1/hidden-dangers/{id}/photos", "/api/v1/hidden-dangers/imports", "/api/v1/site-plans", "/api/v1/video-alarms"], ignoreOrder: true);

        // A video alarm's multipart form is the JSON payload's twin (fields alarm and snapshot, docs/video-intake.md#http).
        foreach (var upload in uploads.Where(u => u.Path != "/api/v1/video-alarms"))
        {
            var file = upload.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file");
            (file.GetProperty("type").GetString(), file.GetProperty("format").GetString()).ShouldBe(("string", "binary"), upload.Path);
        }

        var video = uploads.Single(u => u.Path == "/api/v1/video-alarms").Operation.GetProperty("requestBody").GetProperty("content");
        video.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/VideoAlarmDocument");
        var fields = video.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        (fields.GetProperty("alarm").GetProperty("type").GetString(), fields.GetProperty("snapshot").GetProperty("format").GetString()).ShouldBe(("string", "binary"));
        schemas.GetProperty("VideoAlarmDocument").GetProperty("properties").GetProperty("boxes").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Downloads_are_binary_content_of_their_file_types()
    {
        var operations = await OperationsAsync();

        var photo = Success(operations, "/api/v1/inspections/photos/{id}");
        var report = Success(operations, "/api/v1/reports/compliance");

        photo.EnumerateObject().Select(m => m.Name).ShouldBe(["image/jpeg", "image/png"]);
        photo.GetProperty("image/png").GetProperty("schema").GetProperty("format").GetString().ShouldBe("binary");
        report.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().ShouldEndWith("/ComputeComplianceReportResult");
        report.GetProperty("application/pdf").GetProperty("schema").GetProperty("format").GetString().ShouldBe("binary");
    }

    private static JsonElement Success(List<(string Path, string Method, JsonElement Operation)> operations, string path) =>
        operations.Single(o => o.Path == path && o.Method == "get").Operation.GetProperty("responses").GetProperty("200").GetProperty("content");

    private async Task<JsonDocument> DocumentAsync() => JsonDocument.Parse(await web.Factory.CreateClient().GetStringAsync("/openapi/v1.json"));

    private async Task<List<(string Path, string Method, JsonElement Operation)>> OperationsAsync()
    {
        var document = await DocumentAsync();
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (path.Name, m.Name, m.Value)))];
    }

    private static JsonElement.ObjectEnumerator Responses(JsonElement operation) => operation.GetProperty("responses").EnumerateObject();

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    private static bool IsText(JsonElement parameter) =>
        parameter.GetProperty("schema") is var schema && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && type.GetString() == "string" && !schema.TryGetProperty("format", out _);

    private static IEnumerable<JsonElement> Descendants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Descendants(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Descendants),
        _ => [],
    };
}
