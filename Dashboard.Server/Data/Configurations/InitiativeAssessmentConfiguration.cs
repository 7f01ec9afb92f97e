using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class InitiativeAssessmentConfiguration : IEntityTypeConfiguration<InitiativeAssessment>
{
    public void Configure(EntityTypeBuilder<InitiativeAssessment> assessment)
    {
        assessment.ToTable("InitiativeAssessments");
        assessment.HasIndex(a => new { a.InitiativeId, a.FiscalYear }).IsUnique();
        assessment.HasOne<Initiative>().WithMany().HasForeignKey(a => a.InitiativeId);
        assessment.Property(a => a.OverrideGrade).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.Direction).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.OverrideReason).HasMaxLength(2000);
        assessment.Property(a => a.Issues).HasMaxLength(2000);
        assessment.Property(a => a.CommitteeOpinion).HasMaxLength(2000);
        assessment.Property(a => a.DepartmentReply).HasMaxLength(2000);
        assessment.Property(a => a.RepliedBy).HasMaxLength(256);
        assessment.Property(a => a.UpdatedBy).HasMaxLength(256);
        assessment.Property(a => a.Version).IsConcurrencyToken();
    }
}
