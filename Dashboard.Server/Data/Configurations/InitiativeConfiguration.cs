using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> initiative)
    {
        initiative.HasIndex(i => new { i.PolicyId, i.Number }).IsUnique();
        initiative.Property(i => i.Title).HasMaxLength(200);
        initiative.Property(i => i.Summary).HasMaxLength(2000);
        initiative.HasMany(i => i.Kpis).WithOne().HasForeignKey(k => k.InitiativeId);
    }
}
