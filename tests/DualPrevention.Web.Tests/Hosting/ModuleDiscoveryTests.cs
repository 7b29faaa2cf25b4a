using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using DualPrevention.Core;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// What a new area gets without editing a shared list (docs/adding-a-module.md): its handlers registered, its endpoint
/// group mapped and its texts found, each checked here against the running host's own container.
/// </summary>
public class ModuleDiscoveryTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Every_class_named_Handler_in_Core_is_a_discovered_use_case_and_resolves_from_the_hosts_container()
    {
        var named = typeof(UseCaseRegistration).Assembly.GetTypes().Where(t => t.Name == "Handler");

        UseCaseRegistration.Handlers.ShouldBe(named, ignoreOrder: true);
        UseCaseRegistration.Handlers.Count.ShouldBeGreaterThan(100);
        await using var scope = web.Factory.Services.CreateAsyncScope();
        foreach (var handler in UseCaseRegistration.Handlers)
        {
            scope.ServiceProvider.GetService(handler).ShouldNotBeNull(handler.FullName);
        }
    }

    [Fact]
    public void Every_endpoint_group_is_discovered_and_maps_routes_and_every_api_route_comes_from_one()
    {
        var endpoints = web.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var groups = EndpointGroups.All.Select(map => map.DeclaringType!).ToList();
        var endpointClasses = typeof(EndpointGroups).Assembly.GetTypes().Where(t => !t.IsNested && t.Name.EndsWith("Endpoints", StringComparison.Ordinal));

        groups.ShouldBe(endpointClasses, ignoreOrder: true);
        groups.Where(group => !endpoints.Any(e => GroupOf(e) == group)).ShouldBeEmpty("every group maps at least one route");
        endpoints.Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !groups.Contains(GroupOf(e)!))
            .Select(e => e.DisplayName)
            .ShouldBeEmpty("every API route is mapped by a discovered group");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void The_UI_localizer_of_the_host_gives_every_areas_text_as_written(string culture)
    {
        var localizer = web.Factory.Services.GetRequiredService<IStringLocalizer>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var files = Directory.EnumerateFiles(Path.Combine(Repository.Root(), "src", "DualPrevention.Web"), culture == "zh-CN" ? "Text.zh-CN.resx" : "Text.resx", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .ToList();
            var texts = files.SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (Key: (string)d.Attribute("name")!, Text: (string)d.Element("value")!))).ToList();

            files.Count.ShouldBe(AreaTextLocalizer.Texts.Files.Count);
            texts.Count.ShouldBeGreaterThan(800);
            texts.Where(t => localizer[t.Key].Value != t.Text).Select(t => $"{t.Key}: {localizer[t.Key].Value}").ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The endpoint class whose Map… method declared the route's handler (lambdas compile into classes nested in it).</summary>
    private static Type? GroupOf(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType;
        while (type?.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
