using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class QuarterlyEntryConfiguration : IEntityTypeConfiguration<QuarterlyEntry>
{
    public void Configure(EntityTypeBuilder<QuarterlyEntry> entry)
    {
        entry.ToTable("QuarterlyEntries");
        entry.HasIndex(e => new { e.KpiId, e.FiscalYear, e.Quarter }).IsUnique();
        entry.HasOne<Kpi>().WithMany().HasForeignKey(e => e.KpiId);
        entry.Property(e => e.Value).HasPrecision(18, 4);
        entry.Property(e => e.MilestoneState).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Done).HasMaxLength(4000);
        entry.Property(e => e.Check).HasMaxLength(4000);
        entry.Property(e => e.Act).HasMaxLength(4000);
        entry.Property(e => e.EvidenceUrl).HasMaxLength(2000);
        entry.Property(e => e.ReviewComment).HasMaxLength(2000);
        entry.Property(e => e.UpdatedBy).HasMaxLength(200);
        entry.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class ClosedQuarterConfiguration : IEntityTypeConfiguration<ClosedQuarter>
{
    public void Configure(EntityTypeBuilder<ClosedQuarter> closed)
    {
        closed.HasIndex(c => new { c.PlanId, c.FiscalYear, c.Quarter }).IsUnique();
        closed.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId);
        closed.Property(c => c.ClosedBy).HasMaxLength(256);
    }
}

internal sealed class PublishedQuarterConfiguration : IEntityTypeConfiguration<PublishedQuarter>
{
    public void Configure(EntityTypeBuilder<PublishedQuarter> published)
    {
        published.HasIndex(p => new { p.PlanId, p.FiscalYear, p.Quarter }).IsUnique();
        published.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId);
        published.Property(p => p.PublishedBy).HasMaxLength(256);
    }
}
