using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using DualPrevention.Core.Localization;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Answers 400 ValidationProblem when a request body leaves a non-nullable member of a DualPrevention command null
/// (e.g. <c>"details": null</c>). System.Text.Json does not enforce C# nullability, and a null nested model would
/// otherwise reach a validator and fail as a 500.
/// </summary>
internal sealed class RequiredBodyMembersFilter : IEndpointFilter
{
    /// <summary>Each body type's non-nullable reference properties, read once per type rather than on every request.</summary>
    private static readonly ConcurrentDictionary<Type, RequiredMember[]> RequiredMembers = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var missing = context.Arguments
            .Where(a => a is not null && a.GetType().Namespace?.StartsWith("DualPrevention.", StringComparison.Ordinal) == true)
            .SelectMany(a => RequiredMembers.GetOrAdd(a!.GetType(), RequiredMembersOf).Where(m => m.Property.GetValue(a) is null))
            .Select(m => m.Name)
            .ToList();
        if (missing.Count == 0)
        {
            return await next(context);
        }

        return Results.ValidationProblem(missing.ToDictionary(name => name, name => new[] { CoreText.Get("Request.Required", name) }));
    }

    private static RequiredMember[] RequiredMembersOf(Type type)
    {
        // NullabilityInfoContext caches without locking, so each type is read with its own.
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !p.PropertyType.IsValueType && p.GetIndexParameters().Length == 0
                && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => new RequiredMember(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToArray();
    }

    private sealed record RequiredMember(PropertyInfo Property, string Name);
}
