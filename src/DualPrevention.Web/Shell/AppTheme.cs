using MudBlazor;

namespace DualPrevention.Web.Shell;

/// <summary>
/// The platform's colours; the four risk colours follow GB/T 2893.1 safety colours. Every palette colour reads at 4.5:1 or
/// more as text on white and under white text on a filled chip or button (WCAG 2 AA, checked by the browser tests' axe
/// run): MudBlazor's own secondary, success, warning, error and info shades do not.
/// </summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00796b",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Info = "#1976d2",
            AppbarBackground = "#0d47a1",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"] },
        },
    };
}
