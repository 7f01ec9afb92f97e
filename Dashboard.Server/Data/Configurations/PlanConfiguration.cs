using Dashboard.Shared.Kpis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.HasIndex(p => p.Code).IsUnique();
        plan.Property(p => p.Code).HasMaxLength(64);
        plan.Property(p => p.Name).HasMaxLength(200);
        plan.Property(p => p.OnTrackThreshold).HasPrecision(5, 4);
        plan.Property(p => p.CautionThreshold).HasPrecision(5, 4);
        plan.Property(p => p.GradeScheme).HasConversion<string>().HasMaxLength(10).HasDefaultValue(GradeScheme.AtoD).HasSentinel((GradeScheme)(-1));
        plan.Property(p => p.GradeA).HasPrecision(5, 4).HasDefaultValue(1.00m);
        plan.Property(p => p.GradeB).HasPrecision(5, 4).HasDefaultValue(0.80m);
        plan.Property(p => p.GradeC).HasPrecision(5, 4).HasDefaultValue(0.60m);
        plan.Property(p => p.GradeBaselineBand).HasPrecision(5, 4).HasDefaultValue(0.10m);
        plan.Ignore(p => p.Grading);
        plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(10).HasDefaultValue(Dashboard.Shared.Plans.PlanStatus.Active)
            .HasSentinel((Dashboard.Shared.Plans.PlanStatus)(-1));
        plan.HasOne<Plan>().WithMany().HasForeignKey(p => p.PredecessorId).OnDelete(DeleteBehavior.NoAction);
        plan.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId);
        plan.HasMany(p => p.Policies).WithOne().HasForeignKey(p => p.PlanId);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> revision)
    {
        revision.Property(r => r.Description).HasMaxLength(500);
        revision.Property(r => r.Reason).HasMaxLength(1000);
        revision.Property(r => r.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class KpiSuccessionConfiguration : IEntityTypeConfiguration<KpiSuccession>
{
    public void Configure(EntityTypeBuilder<KpiSuccession> succession)
    {
        // One disposition per previous KPI in a plan that follows.
        succession.HasIndex(s => new { s.PlanId, s.PredecessorKpiId }).IsUnique();
        succession.Property(s => s.Disposition).HasConversion<string>().HasMaxLength(12);
        succession.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        succession.HasOne(s => s.PredecessorKpi).WithMany().HasForeignKey(s => s.PredecessorKpiId).OnDelete(DeleteBehavior.NoAction);
        succession.HasOne(s => s.SuccessorKpi).WithMany().HasForeignKey(s => s.SuccessorKpiId).OnDelete(DeleteBehavior.NoAction);
    }
}
