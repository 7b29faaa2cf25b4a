using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// Sweeps every number and date inside every API endpoint's JSON body, the body types found from the endpoints'
/// metadata: each leaf in turn gets the extremes of its type in an otherwise plausible body (ADR 0016, ADR 0024).
/// Nothing answers 500, and no extreme is accepted: it is refused, naming its field, before it could reach the database.
/// A concurrency token (<c>version</c>) has no range: a stale one answers 409.
/// </summary>
public class ExtremeBodyTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly JsonNode?[] ExtremeNumbers =
        [int.MaxValue, int.MinValue, long.MaxValue, 1e308, -1e308, "NaN", "Infinity", "-Infinity"];

    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"];

    private static readonly string[] ExtremeDateTimes = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1999-12-31T00:00:00+08:00"];

    [Theory]
    [InlineData("admin")]
    [InlineData("demo-qd1-admin")]
    public async Task No_number_or_date_inside_any_request_body_is_accepted_at_its_extremes_nor_makes_the_server_fail(string userName)
    {
        var client = await web.ApiClientAsync(userName);
        var probes = Probes().ToList();
        var failures = new List<string>();

        foreach (var probe in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url)
            {
                Content = new StringContent(probe.Body, Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || response.IsSuccessStatusCode)
            {
                failures.Add($"{probe.Method} {probe.Url} {probe.Leaf}={probe.Value} → {status}");
            }
            else if (status == 400 && !NamesTheFieldOrRefusedTheActor(await response.Content.ReadAsStringAsync(), probe.Leaf))
            {
                failures.Add($"{probe.Method} {probe.Url} {probe.Leaf}={probe.Value} → 400 not naming the field: {await response.Content.ReadAsStringAsync()}");
            }
        }

        probes.Count.ShouldBeGreaterThan(100, "the sweep found the endpoints' bodies");
        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// Whether a 400 names the swept leaf or one of its parents among its field errors (as FluentValidation or the JSON
    /// path names it; a command's name may add a unit: <c>accuracy</c> → <c>AccuracyMetres</c>), or is a refusal of the actor that came before any field mattered. Field errors naming only other
    /// fields mean the validator let the extreme through.
    /// </summary>
    private static bool NamesTheFieldOrRefusedTheActor(string problem, string leaf)
    {
        var node = JsonNode.Parse(problem);
        if (node?["errors"]?.AsObject() is not { } errors)
        {
            return node?["title"]?.GetValue<string>() == "Refused";
        }

        var steps = leaf.Replace("[0]", "", StringComparison.Ordinal).Split('.').Skip(1).ToList();
        return errors.Any(e => steps.Any(step => e.Key.Replace("[0]", "", StringComparison.Ordinal).Split('.')[^1].StartsWith(step, StringComparison.OrdinalIgnoreCase)));
    }

    private IEnumerable<Probe> Probes()
    {
        var endpoints = web.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var body = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))?.RequestType;
            var verbs = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (body is null)
            {
                continue;
            }

            var url = ExtremeParameterTests.Url(endpoint.RoutePattern, "", "").TrimEnd('?', '=');
            foreach (var verb in verbs)
            {
                foreach (var leaf in Leaves(Sample(body, 0), "$").Where(l => !l.Path.EndsWith(".version", StringComparison.Ordinal)))
                {
                    foreach (var extreme in ExtremesOf(leaf.Type))
                    {
                        var probe = Sample(body, 0)!;
                        leaf.Set(probe, extreme?.DeepClone());
                        yield return new Probe(verb, url, probe.ToJsonString(), leaf.Path, extreme?.ToJsonString().Trim('"') ?? "null");
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> ExtremesOf(Type type) =>
        type == typeof(DateOnly) ? ExtremeDates.Select(d => (JsonNode?)d) :
        type == typeof(DateTime) || type == typeof(DateTimeOffset) ? ExtremeDateTimes.Select(d => (JsonNode?)d) :
        ExtremeNumbers;

    /// <summary>A polymorphic body's first derived shape, with its discriminator (a permit's details and their kind, ADR 0045).</summary>
    private static JsonNode? WithDiscriminator(JsonNode? sample, string name, object? discriminator)
    {
        if (sample is JsonObject shape)
        {
            shape[name] = discriminator?.ToString();
        }

        return sample;
    }

    /// <summary>A plausible JSON value of <paramref name="type"/>: strings, ids and numbers of the right shape, enums by their first name.</summary>
    private static JsonNode? Sample(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => "测试",
            _ when t == typeof(Guid) => Guid.NewGuid().ToString(),
            _ when t == typeof(bool) => false,
            _ when IsNumber(t) => 1,
            _ when t == typeof(DateOnly) => "2026-06-01",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "2026-06-01T08:00:00+08:00",
            _ when t == typeof(TimeOnly) => "08:00:00",
            _ when t.IsEnum => Enum.GetNames(t).FirstOrDefault(n => Convert.ToInt64(Enum.Parse(t, n), System.Globalization.CultureInfo.InvariantCulture) != 0) ?? Enum.GetNames(t)[0],
            _ when depth > 4 => null,
            _ when ElementOf(t) is { } element => new JsonArray(Sample(element, depth + 1)),
            _ when t.IsAbstract && t.GetCustomAttributes<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().FirstOrDefault() is { } derived =>
                WithDiscriminator(Sample(derived.DerivedType, depth), t.GetCustomAttribute<System.Text.Json.Serialization.JsonPolymorphicAttribute>()?.TypeDiscriminatorPropertyName ?? "$type", derived.TypeDiscriminator),
            _ when t.IsClass || t.IsValueType => new JsonObject(t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p => KeyValuePair.Create(JsonNamingPolicy.CamelCase.ConvertName(p.Name), Sample(p.PropertyType, depth + 1)))),
            _ => null,
        };
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType() :
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1] : null;

    private static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(byte)
        || t == typeof(decimal) || t == typeof(double) || t == typeof(float);

    /// <summary>The number and date leaves of a sample, found again by their types through the same walk.</summary>
    private static IEnumerable<Leaf> Leaves(JsonNode? node, string path) => Walk(node, path, []);

    private static IEnumerable<Leaf> Walk(JsonNode? node, string path, List<string> trail)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    foreach (var leaf in Walk(child, $"{path}.{name}", [.. trail, name]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array when array.Count > 0:
                foreach (var leaf in Walk(array[0], $"{path}[0]", [.. trail, "[0]"]))
                {
                    yield return leaf;
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                yield return new Leaf(path, typeof(decimal), trail);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && IsDateSample(text):
                yield return new Leaf(path, text.Contains('T', StringComparison.Ordinal) ? typeof(DateTimeOffset) : typeof(DateOnly), trail);
                break;
        }
    }

    private static bool IsDateSample(string text) => text.StartsWith("2026-06-01", StringComparison.Ordinal);

    private sealed record Leaf(string Path, Type Type, List<string> Trail)
    {
        public void Set(JsonNode root, JsonNode? value)
        {
            var parent = Trail[..^1].Aggregate(root, (node, step) => step == "[0]" ? node.AsArray()[0]! : node[step]!);
            if (Trail[^1] == "[0]")
            {
                parent.AsArray()[0] = value;
            }
            else
            {
                parent[Trail[^1]] = value;
            }
        }
    }

    private sealed record Probe(string Method, string Url, string Body, string Leaf, string Value);
}
