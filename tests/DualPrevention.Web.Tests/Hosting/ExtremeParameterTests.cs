using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// Sweeps every API endpoint's date and number parameters, found from the host's endpoint data source, with the
/// extremes of their types (ADR 0016): out-of-range dates answer 400, and nothing answers 500.
/// </summary>
public class ExtremeParameterTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31", "0000-01-01", "99999-01-01", "1999-12-31", "2101-01-01"];

    private static readonly string[] ExtremeDateTimes = ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "99999-01-01T00:00:00"];

    private static readonly string[] ExtremeIntegers =
        ["0", "-1", int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture), "99999"];

    private static readonly string[] ExtremeReals = ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "0"];

    [Theory]
    [InlineData("admin")]
    [InlineData("demo-qd1-admin")]
    [InlineData("demo-qd1-inspector")]
    public async Task No_date_or_number_parameter_of_any_endpoint_makes_the_server_fail(string userName)
    {
        var client = await web.ApiClientAsync(userName);
        var probes = Probes().ToList();
        var failures = new List<string>();

        foreach (var probe in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500 || (probe.OutOfRange && response.StatusCode != HttpStatusCode.BadRequest && (int)response.StatusCode is not (401 or 403 or 404 or 405 or 415)))
            {
                failures.Add($"{probe.Method} {probe.Url} → {(int)response.StatusCode}");
            }
        }

        probes.Count.ShouldBeGreaterThan(50, "the sweep found the endpoints' parameters");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_board_and_the_holiday_calendar_refuse_dates_and_years_outside_the_world_with_a_problem_naming_the_parameter()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");

        foreach (var url in new[] { "/api/v1/inspections/board?date=9999-12-31", "/api/v1/inspections/accountability-completion?date=0001-01-01", "/api/v1/holiday-calendar?year=99999", "/api/v1/holiday-calendar?year=0" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain("errors", customMessage: url);
        }
    }

    private IEnumerable<Probe> Probes()
    {
        var endpoints = web.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            var verbs = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (method is null)
            {
                continue;
            }

            var swept = method.GetParameters().Where(p => ExtremesOf(p.ParameterType) is not null).ToList();
            foreach (var verb in verbs)
            {
                foreach (var parameter in swept)
                {
                    foreach (var (value, outOfRange) in ExtremesOf(parameter.ParameterType)!)
                    {
                        yield return new Probe(verb, Url(endpoint.RoutePattern, parameter.Name!, value), outOfRange);
                    }
                }
            }
        }
    }

    /// <summary>The route filled with placeholders, <paramref name="name"/> set to <paramref name="value"/> in the route or the query.</summary>
    internal static string Url(RoutePattern pattern, string name, string value)
    {
        var inRoute = false;
        var path = string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase) => Mark(ref inRoute, value),
            RoutePatternParameterPart parameter => Placeholder(parameter),
            _ => "",
        }))));
        return "/" + path + (inRoute ? "" : $"?{name}={Uri.EscapeDataString(value)}");
    }

    private static string Mark(ref bool inRoute, string value)
    {
        inRoute = true;
        return Uri.EscapeDataString(value);
    }

    private static string Placeholder(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() :
        parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1" :
        parameter.Name.Contains("date", StringComparison.OrdinalIgnoreCase) ? "2026-01-01" : "x";

    private static IEnumerable<(string Value, bool OutOfRange)>? ExtremesOf(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(DateOnly) => ExtremeDates.Select(d => (d, true)),
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => ExtremeDateTimes.Select(d => (d, true)),
            var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => ExtremeIntegers.Select(i => (i, false)),
            var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => ExtremeReals.Select(r => (r, false)),
            _ => null,
        };

    private sealed record Probe(string Method, string Url, bool OutOfRange);
}
