using System.Reflection;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The endpoint groups of the feature folders, found by convention so that a new area maps its endpoints without an
/// edit here (docs/adding-a-module.md): a static class named <c>&lt;Feature&gt;Endpoints</c> with the extension method
/// <c>Map&lt;Feature&gt;Endpoints</c>. One that extends <see cref="RouteGroupBuilder"/> is mapped under <c>/api/v1</c>;
/// one that extends <see cref="WebApplication"/> at the root (browser-session routes such as <c>/account/logout</c>).
/// A class that breaks the convention stops the start-up instead of leaving its routes unmapped.
/// </summary>
internal static class EndpointGroups
{
    /// <summary>Every group's mapping method, ordered by the class's full name.</summary>
    public static IReadOnlyList<MethodInfo> All { get; } = Find(typeof(EndpointGroups).Assembly);

    /// <summary>Maps the API groups on <paramref name="api"/> and the root groups on <paramref name="app"/>.</summary>
    public static void MapEndpointGroups(this WebApplication app, RouteGroupBuilder api)
    {
        foreach (var map in All)
        {
            map.Invoke(null, [map.GetParameters()[0].ParameterType == typeof(RouteGroupBuilder) ? api : app]);
        }
    }

    private static MethodInfo[] Find(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type is { IsAbstract: true, IsSealed: true, IsNested: false } && type.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(MapMethodOf)
            .ToArray();

    private static MethodInfo MapMethodOf(Type group) =>
        group.GetMethod("Map" + group.Name, BindingFlags.Public | BindingFlags.Static) is { } map
        && map.GetParameters() is [var target]
        && (target.ParameterType == typeof(RouteGroupBuilder) || target.ParameterType == typeof(WebApplication))
            ? map
            : throw new InvalidOperationException(
                $"{group.FullName} has no public static Map{group.Name}(this RouteGroupBuilder api) or (this WebApplication app): "
                + "an endpoint group is mapped only through that method (docs/adding-a-module.md).");
}
