using System.Text.RegularExpressions;
using DualPrevention.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace DualPrevention.Web.Tests.Shell;

/// <summary>
/// The layout's theme is served as <c>wwwroot/theme.css</c> instead of written into every page (AppThemeProvider,
/// ADR 0013). The file is generated: when AppTheme or MudBlazor changes, run this class with
/// <c>DP_WRITE_THEME_CSS=1</c> to rewrite it, rebuild, and run it again.
/// </summary>
public partial class ThemeStyleSheetTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Source = "src/DualPrevention.Web/wwwroot/theme.css";

    [Fact]
    public async Task The_theme_style_sheet_is_what_MudBlazor_writes_for_the_app_theme()
    {
        var expected = await StylesOfMudThemeProviderAsync();
        if (Environment.GetEnvironmentVariable("DP_WRITE_THEME_CSS") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(Repository.Root(), Source), expected);
        }

        var client = await web.CookieClientAsync("demo-qd1-inspector");
        var page = await client.GetStringAsync("/inspect");
        var link = ThemeLink().Match(page);

        link.Success.ShouldBeTrue("an interactive page links the theme");
        page.ShouldNotContain("mud-theme-provider", Case.Sensitive, "the theme is not written into the page");
        (await client.GetStringAsync(link.Groups[1].Value)).ShouldBe(expected, $"{Source} is out of date: run this test with DP_WRITE_THEME_CSS=1");
    }

    [Fact]
    public async Task The_sign_in_page_keeps_its_own_look_without_the_theme()
    {
        var page = await web.Factory.CreateClient().GetStringAsync("/account/login");

        ThemeLink().IsMatch(page).ShouldBeFalse();
    }

    /// <summary>The contents of the style elements MudThemeProvider renders for <see cref="AppTheme.Theme"/>.</summary>
    private async Task<string> StylesOfMudThemeProviderAsync()
    {
        await using var scope = web.Factory.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = AppTheme.Theme });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        return string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim())) + "\n";
    }

    [GeneratedRegex("""<link href="(theme\.[a-z0-9]+\.css)" rel="stylesheet" />""")]
    private static partial Regex ThemeLink();

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
