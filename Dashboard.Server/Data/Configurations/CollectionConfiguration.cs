using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class CollectionWindowConfiguration : IEntityTypeConfiguration<CollectionWindow>
{
    public void Configure(EntityTypeBuilder<CollectionWindow> window)
    {
        window.HasIndex(w => new { w.PlanId, w.FiscalYear, w.Quarter }).IsUnique();
        window.HasOne<Plan>().WithMany().HasForeignKey(w => w.PlanId);
        window.Property(w => w.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<Dispatch>
{
    public void Configure(EntityTypeBuilder<Dispatch> dispatch)
    {
        dispatch.HasIndex(d => d.Key).IsUnique();
        dispatch.Property(d => d.Key).HasMaxLength(300);
        dispatch.Property(d => d.SentBy).HasMaxLength(256);
        dispatch.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasIndex(n => new { n.Recipient, n.Id });
        notification.HasOne(n => n.Dispatch).WithMany().HasForeignKey(n => n.DispatchId);
        notification.Property(n => n.Recipient).HasMaxLength(256);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notification.Property(n => n.Subject).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(300);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.HasIndex(m => m.SentUtc);
        mail.HasOne(m => m.Dispatch).WithMany().HasForeignKey(m => m.DispatchId);
        mail.Property(m => m.To).HasMaxLength(256);
        mail.Property(m => m.Subject).HasMaxLength(200);
        mail.Property(m => m.Body).HasMaxLength(4000);
        mail.Property(m => m.LastError).HasMaxLength(1000);
    }
}
