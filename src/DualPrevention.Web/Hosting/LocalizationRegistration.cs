using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Hosting;

/// <summary>Chinese first, English second: the request's culture from the cookie (or an API call's Accept-Language), and the UI's texts by area.</summary>
internal static class LocalizationRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddUiLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<IStringLocalizer, AreaTextLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageRequestCultureProvider()];
        });
        return builder;
    }
}
