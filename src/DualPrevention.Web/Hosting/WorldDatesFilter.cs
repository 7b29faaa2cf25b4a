using DualPrevention.Core;
using Microsoft.AspNetCore.Http.Metadata;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Answers 400 ValidationProblem, naming the parameter, when a route or query date lies outside
/// <see cref="WorldDates"/> (ADR 0016): 0001-01-01 or 9999-12-31 never reaches a handler, where date arithmetic would
/// overflow or PostgreSQL would read it as <c>infinity</c>. Dates inside bodies are the validators' (the same range).
/// </summary>
internal sealed class WorldDatesFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var outside = new List<string>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (!WorldDates.Contains(context.Arguments[i]))
            {
                outside.Add(NameOf(context.HttpContext, i));
            }
        }

        return outside.Count == 0
            ? await next(context)
            : Results.ValidationProblem(outside.ToDictionary(name => name, _ => new[] { WorldDates.Refusal() }));
    }

    private static string NameOf(HttpContext httpContext, int index) =>
        httpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() is { Count: > 0 } parameters && index < parameters.Count
            ? parameters[index].Name
            : $"argument {index}";
}
