using DualPrevention.Core.Photos;
using DualPrevention.Core.Reports.Exports;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Files kept outside the database: photos (<c>Storage:PhotoDirectory</c>, with the limits of section
/// <c>Photos</c>) and report files (<c>Storage:ReportDirectory</c>, with the per-person limit of section
/// <c>ReportExports</c>); run.sh keeps both under <c>.data/</c>.
/// </summary>
internal static class FileStoreRegistration
{
    public static WebApplicationBuilder AddFileStores(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PhotoLimits>(builder.Configuration.GetSection(PhotoLimits.Section));
        builder.Services.Configure<ReportExportLimits>(builder.Configuration.GetSection(ReportExportLimits.Section));
        builder.Services.AddSingleton<IPhotoStore>(new LocalDiskPhotoStore(Directory(builder, "Storage:PhotoDirectory", "photos")));
        builder.Services.AddSingleton<IReportFileStore>(new LocalDiskReportFileStore(Directory(builder, "Storage:ReportDirectory", "reports")));
        return builder;
    }

    private static string Directory(WebApplicationBuilder builder, string key, string fallback) =>
        builder.Configuration[key] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, ".data", fallback);
}
