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
