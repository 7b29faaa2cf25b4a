using Microsoft.AspNetCore.Localization;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Lets API callers (bearer tokens, no culture cookie) choose the language of messages with <c>Accept-Language</c>.
/// Pages ignore the header, so a browser set to English still opens the Chinese UI until its user picks English.
/// </summary>
internal sealed class ApiAcceptLanguageRequestCultureProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api") ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
