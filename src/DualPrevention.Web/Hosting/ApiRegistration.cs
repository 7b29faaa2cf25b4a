using System.Text.Json.Serialization;

namespace DualPrevention.Web.Hosting;

/// <summary>The API's conventions: errors as ProblemDetails, enums as names, the OpenAPI document.</summary>
internal static class ApiRegistration
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblemDetails.Describe);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddApiDocument();
        return builder;
    }
}
