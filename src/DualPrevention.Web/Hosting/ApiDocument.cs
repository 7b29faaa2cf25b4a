using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, shaped so that a client generator (NSwag's, for one) can use it: one
/// schema name per type, enums as their names, numbers as numbers, and the sign-in refusals every protected
/// operation can answer. What each endpoint answers on success and when its input or id is refused, the endpoint
/// declares itself (its typed results and <c>Produces…</c> metadata).
/// </summary>
internal static class ApiDocument
{
    /// <summary>Name of the bearer-token security scheme (<c>POST /api/v1/auth/token</c>).</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Name of the device credentials' HTTP Basic scheme (the positioning batch endpoint, ADR 0039).</summary>
    public const string DeviceBasicScheme = "DeviceBasic";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        var schemaIds = new SchemaIds();
        return services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = schemaIds.For;
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeAsSerialized(schema, context.JsonTypeInfo.Type);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DeclareSignInRefusalsAsync);
            options.AddOperationTransformer((operation, _, _) =>
            {
                DescribeFormAsOneObject(operation);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The access token of POST /api/v1/auth/token, valid for one hour.",
                };
                document.Components.SecuritySchemes[DeviceBasicScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = "A device credential's user name and secret (positioning ingest, ADR 0036).",
                };
                document.Components.Schemas?.Remove(nameof(IFormFile));
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>A file, in a form or as an answer: a binary string.</summary>
    public static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    /// <summary>
    /// Enums travel as their names (JsonStringEnumConverter), so their schema is a string; a null that a nullable use
    /// left in a shared enum belongs to that use, which says it with its own <c>oneOf</c>. Numbers are numbers: the
    /// server also reads them from JSON strings (the web default), but a client should not send them so.
    /// </summary>
    private static void DescribeAsSerialized(OpenApiSchema schema, Type type)
    {
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 } members)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. members.Where(m => m is not null)];
        }
        else if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    /// <summary>
    /// Every operation not open to anonymous callers is refused 401 without a valid token or cookie and 403 when the
    /// role is not enough or a one-time password must be changed first (ForcedPasswordChangeMiddleware): these come
    /// from the pipeline, not the endpoint, so they are read from its authorization metadata.
    /// </summary>
    private static async Task DeclareSignInRefusalsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        // Registers the ProblemDetails schema the answers below refer to, should no endpoint have declared a problem yet.
        await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        operation.Responses ??= [];
        var device = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Any(a => a.AuthenticationSchemes == Positioning.DeviceAuthentication.SchemeName);
        operation.Responses.TryAdd("401", Problem(device ? "No device credential, an unknown or revoked one, or a wrong secret" : "Not signed in, or the token expired or was revoked", context.Document));
        operation.Responses.TryAdd("403", Problem("The caller's role may not do this, or its one-time password must be changed first", context.Document));
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(device ? DeviceBasicScheme : BearerScheme, context.Document)] = [] }];
    }

    /// <summary>
    /// A multipart form as one object of its fields, the file a binary string among them: ASP.NET Core describes a
    /// file beside other form fields as an <c>allOf</c> of one object per parameter, and the file as a shared
    /// <c>IFormFile</c> schema, which generators read as a class to send as JSON, or drop.
    /// </summary>
    private static void DescribeFormAsOneObject(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) != true || form!.Schema is not OpenApiSchema schema)
        {
            return;
        }

        var fields = (schema.AllOf ?? []).Prepend(schema).OfType<OpenApiSchema>().SelectMany(part => part.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList();
        schema.AllOf = null;
        schema.Properties = fields.ToDictionary(
            field => field.Key,
            field => field.Value is OpenApiSchemaReference { Reference.Id: nameof(IFormFile) } ? Binary() : field.Value);
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
        },
    };

    /// <summary>
    /// Schema names a generator turns into class names: nested use-case types (<c>ListAccounts.Row</c>,
    /// <c>ListEnterprises.SortBy</c>) are named with their use case, also inside a generic (<c>Paged&lt;…&gt;</c>) or a
    /// nullable; a request or answer record of an endpoint class keeps its own name (<c>TokenRequest</c>), the class
    /// being plumbing. Two types under one name would make the document describe one of them wrongly, so a second type
    /// asking for a name already taken stops the generation.
    /// </summary>
    private sealed class SchemaIds
    {
        private readonly ConcurrentDictionary<string, Type> _taken = new(StringComparer.Ordinal);

        public string? For(JsonTypeInfo info)
        {
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            if (OpenApiOptions.CreateDefaultSchemaReferenceId(info) is null)
            {
                return null;
            }

            var id = Name(type);
            var owner = _taken.GetOrAdd(id, type);
            return owner == type
                ? id
                : throw new InvalidOperationException($"The OpenAPI schema name {id} would describe both {owner.FullName} and {type.FullName}.");
        }

        private static string Name(Type type)
        {
            var outer = type.DeclaringType is { } declaring && !declaring.Name.EndsWith("Endpoints", StringComparison.Ordinal) ? Name(declaring) : "";
            if (!type.IsGenericType)
            {
                return outer + type.Name;
            }

            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return outer + name + "Of" + string.Join("And", type.GetGenericArguments().Select(Name));
        }
    }
}
