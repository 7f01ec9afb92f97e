using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class ScheduledPackConfiguration : IEntityTypeConfiguration<ScheduledPack>
{
    public void Configure(EntityTypeBuilder<ScheduledPack> pack)
    {
        pack.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId);
        pack.HasIndex(p => new { p.State, p.SendOn });
        pack.Property(p => p.Title).HasMaxLength(Dashboard.Shared.Exports.SchedulePackRequest.TitleMaxLength);
        pack.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        pack.Property(p => p.CreatedBy).HasMaxLength(256);
        pack.Property(p => p.FileName).HasMaxLength(200);
    }
}
