using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Reports.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Reports;

internal sealed class InspectionDailyStatisticConfiguration : IEntityTypeConfiguration<InspectionDailyStatistic>
{
    public void Configure(EntityTypeBuilder<InspectionDailyStatistic> builder)
    {
        builder.HasKey(s => new { s.EnterpriseId, s.Day, s.TaskType });
        builder.Property(s => s.RegionCode).HasMaxLength(6);
        builder.HasIndex(s => new { s.RegionCode, s.Day });
    }
}

internal sealed class StatisticsRefreshMarkConfiguration : IEntityTypeConfiguration<StatisticsRefreshMark>
{
    public void Configure(EntityTypeBuilder<StatisticsRefreshMark> builder)
    {
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(40);
    }
}

internal sealed class ReportExportConfiguration : IEntityTypeConfiguration<ReportExport>
{
    public void Configure(EntityTypeBuilder<ReportExport> builder)
    {
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.PeriodCode).HasMaxLength(7);
        builder.Property(e => e.LedgerQuery).HasColumnType("jsonb");
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.StoredName).HasMaxLength(80);
        builder.Property(e => e.RequestedByName).HasMaxLength(100);
        builder.Property(e => e.Error).HasMaxLength(2000);
        builder.HasIndex(e => new { e.RegionCode, e.CreatedAt });
        builder.HasIndex(e => new { e.RegionCode, e.PeriodCode, e.Format })
            .IsUnique()
            .HasFilter("is_monthly_archive")
            .HasDatabaseName("ux_report_export_monthly_archive");
    }
}
