using System.Text.Json.Serialization;

namespace DualPrevention.Web.Hosting;

/// <summary>The API's conventions: errors as ProblemDetails, enums as names, the OpenAPI document.</summary>
internal static class ApiRegistration
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblemDetails.Describe);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // A polymorphic body's discriminator (a permit's details' kind, ADR 0045) may stand anywhere in its object.
            options.SerializerOptions.AllowOutOfOrderMetadataProperties = true;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddApiDocument();
        return builder;
    }
}
