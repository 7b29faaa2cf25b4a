using MudBlazor;

namespace DualPrevention.Web.Shell;

/// <summary>The platform's colours; the four risk colours follow GB/T 2893.1 safety colours.</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d47a1",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"] },
        },
    };
}
