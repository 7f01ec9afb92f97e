using Dashboard.Shared.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> meeting)
    {
        meeting.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId);
        meeting.Property(m => m.Title).HasMaxLength(FindingValidation.TitleMaxLength);
        meeting.Property(m => m.RecordedBy).HasMaxLength(256);
        meeting.HasMany(m => m.Findings).WithOne(f => f.Meeting).HasForeignKey(f => f.MeetingId);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> finding)
    {
        finding.HasIndex(f => new { f.DepartmentId, f.State });
        finding.HasOne(f => f.Initiative).WithMany().HasForeignKey(f => f.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        finding.HasOne(f => f.Kpi).WithMany().HasForeignKey(f => f.KpiId).OnDelete(DeleteBehavior.Restrict);
        finding.HasOne(f => f.Department).WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        finding.Property(f => f.Request).HasMaxLength(FindingValidation.TextMaxLength);
        finding.Property(f => f.Response).HasMaxLength(FindingValidation.TextMaxLength);
        finding.Property(f => f.State).HasConversion<string>().HasMaxLength(16);
        finding.Property(f => f.RespondedBy).HasMaxLength(256);
        finding.Property(f => f.ConfirmedBy).HasMaxLength(256);
    }
}
