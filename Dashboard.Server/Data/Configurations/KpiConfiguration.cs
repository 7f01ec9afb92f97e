using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> kpi)
    {
        kpi.HasIndex(k => new { k.PlanId, k.Code }).IsUnique();
        kpi.Property(k => k.Code).HasMaxLength(32);
        kpi.Property(k => k.Name).HasMaxLength(300);
        kpi.Property(k => k.Unit).HasMaxLength(40);
        kpi.Property(k => k.Note).HasMaxLength(2000);
        kpi.Property(k => k.Source).HasMaxLength(500);
        kpi.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        kpi.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        kpi.Property(k => k.BaselineValue).HasPrecision(18, 4);
        kpi.HasIndex(k => new { k.PlanId, k.RetiredOn });

        // The plan is also reached through policy and initiative; SQL Server refuses two cascade paths.
        kpi.HasOne(k => k.Plan).WithMany().HasForeignKey(k => k.PlanId).OnDelete(DeleteBehavior.NoAction);
        kpi.HasMany(k => k.Targets).WithOne().HasForeignKey(t => t.KpiId);
        kpi.HasMany(k => k.Owners).WithMany(d => d.Kpis).UsingEntity("KpiOwners");
    }
}

internal sealed class KpiTargetValueConfiguration : IEntityTypeConfiguration<KpiTargetValue>
{
    public void Configure(EntityTypeBuilder<KpiTargetValue> target)
    {
        // One plan value per year and one revision per year and date (the plan's own value has no date).
        target.HasIndex(t => new { t.KpiId, t.FiscalYear, t.EffectiveFrom }).IsUnique();
        target.Property(t => t.Value).HasPrecision(18, 4);
        target.Property(t => t.Reason).HasMaxLength(500);
        target.Property(t => t.RecordedBy).HasMaxLength(256);
    }
}
