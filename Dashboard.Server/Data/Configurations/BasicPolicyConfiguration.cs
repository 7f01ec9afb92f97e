using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class BasicPolicyConfiguration : IEntityTypeConfiguration<BasicPolicy>
{
    public void Configure(EntityTypeBuilder<BasicPolicy> policy)
    {
        policy.HasIndex(p => new { p.PlanId, p.Number }).IsUnique();
        policy.Property(p => p.Title).HasMaxLength(200);
        policy.Property(p => p.Subtitle).HasMaxLength(200);
        policy.HasMany(p => p.Initiatives).WithOne().HasForeignKey(i => i.PolicyId);
    }
}
