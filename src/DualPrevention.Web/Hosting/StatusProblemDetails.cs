using System.Globalization;
using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Localization;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Texts of the ProblemDetails that the framework writes for a bare status (a 403 from an authorization policy, a 401
/// without a token): a detail in the request's culture, so an API caller learns why, not only the status.
/// </summary>
internal static class StatusProblemDetails
{
    /// <summary>Fills the detail of a 401 or 403 that has none.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        UseRequestCulture(context.HttpContext);
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => CoreText.Get("Request.Unauthenticated"),
            StatusCodes.Status403Forbidden => CoreText.Get("Request.Forbidden"),
            _ => null,
        };
    }

    /// <summary>
    /// Error texts are written outside request localization (the exception handler and status pages sit before it in
    /// the pipeline), so they take the request's culture from the feature that middleware left on the request.
    /// </summary>
    public static void UseRequestCulture(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } requestCulture)
        {
            CultureInfo.CurrentCulture = requestCulture.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = requestCulture.RequestCulture.UICulture;
        }
    }
}
