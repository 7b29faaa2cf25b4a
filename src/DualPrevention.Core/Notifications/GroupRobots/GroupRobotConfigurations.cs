using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Notifications.GroupRobots;

internal sealed class GroupRobotConfiguration : IEntityTypeConfiguration<GroupRobot>
{
    public void Configure(EntityTypeBuilder<GroupRobot> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.ProtectedWebhook).HasMaxLength(2000);
        builder.Property(r => r.WebhookHint).HasMaxLength(4);
        builder.Property(r => r.ProtectedSecret).HasMaxLength(2000);
        builder.Property(r => r.SecretHint).HasMaxLength(4);
        builder.Property(r => r.LastError).HasMaxLength(2000);
        builder.Property(r => r.Language).HasMaxLength(10).HasDefaultValue(GroupRobotLanguages.Chinese);
        builder.HasIndex(r => new { r.EnterpriseId, r.RegionCode });
    }
}

internal sealed class GroupRobotDeliveryConfiguration : IEntityTypeConfiguration<GroupRobotDelivery>
{
    public void Configure(EntityTypeBuilder<GroupRobotDelivery> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RegionCode).HasMaxLength(6);
        builder.Property(d => d.EventKey).HasMaxLength(200);
        builder.Property(d => d.TemplateKey).HasMaxLength(100);
        builder.Property(d => d.Arguments).HasColumnType("jsonb");
        builder.Property(d => d.Link).HasMaxLength(300);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<GroupRobot>().WithMany().HasForeignKey(d => d.RobotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.RobotId, d.EventKey }).IsUnique();
        builder.HasIndex(d => d.NextAttemptAt).HasFilter(DeliveryStates.Pending.Sql("status")).HasDatabaseName("ix_group_robot_delivery_pending");
    }
}
