using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.RegionCode).HasMaxLength(6);
        builder.Property(n => n.TemplateKey).HasMaxLength(100);
        builder.Property(n => n.Arguments).HasColumnType("jsonb");
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        builder.HasIndex(n => n.RecipientUserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notification_unread");
        builder.HasIndex(n => new { n.EscalationRecordId, n.RecipientUserId }).IsUnique().HasFilter("escalation_record_id IS NOT NULL");
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RegionCode).HasMaxLength(6);
        builder.Property(d => d.Channel).HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        builder.HasIndex(d => d.NextAttemptAt).HasFilter(DeliveryStates.Pending.Sql("status")).HasDatabaseName("ix_notification_delivery_pending");
    }
}
