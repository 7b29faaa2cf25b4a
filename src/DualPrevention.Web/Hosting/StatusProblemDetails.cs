using DualPrevention.Core.Localization;

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

        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => CoreText.Get("Request.Unauthenticated"),
            StatusCodes.Status403Forbidden => CoreText.Get("Request.Forbidden"),
            _ => null,
        };
    }
}
