using Microsoft.OpenApi;

namespace DualPrevention.Web.Hosting;

/// <summary>Declares an endpoint's file answer, so the OpenAPI document gives it as bytes, not as JSON.</summary>
internal static class FileDownloads
{
    /// <summary>
    /// 200 with the file as one of <paramref name="contentTypes"/> (a binary string in the document), beside a JSON
    /// answer the endpoint may also give (the compliance report answers JSON unless a file format is asked for).
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var answer) || answer is not OpenApiResponse ok)
            {
                ok = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = ok;
            }

            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var contentType in contentTypes)
            {
                ok.Content[contentType] = new OpenApiMediaType { Schema = ApiDocument.Binary() };
            }

            return Task.CompletedTask;
        });
}
