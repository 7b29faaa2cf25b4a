using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;

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
        // Nested use-case types share short names (RegisterEnterprise.Command, CreateAccount.Command): name schemas by both.
        services.AddOpenApi(options => options.CreateSchemaReferenceId = type =>
        {
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            return id is not null && type.Type.DeclaringType is { } outer ? outer.Name + id : id;
        });
        return builder;
    }
}
