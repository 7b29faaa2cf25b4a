using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace DualPrevention.Web.Shell;

/// <summary>
/// MudBlazor's theme provider without the style sheet it writes into every page (12 KB: the palette, shadows and
/// typography as CSS variables, its scrollbar and chart styles). The same CSS is served as <c>wwwroot/theme.css</c>,
/// cached as immutable like every asset, so a phone does not receive it again with each page and each circuit render
/// (ADR 0013). The web test <c>The_theme_style_sheet_is_what_MudBlazor_writes_for_the_app_theme</c> regenerates it.
/// </summary>
public sealed class AppThemeProvider : MudThemeProvider
{
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        // Nothing inline: theme.css carries it.
    }
}
