using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class CommentThreadConfiguration : IEntityTypeConfiguration<CommentThread>
{
    public void Configure(EntityTypeBuilder<CommentThread> thread)
    {
        thread.HasIndex(t => new { t.KpiId, t.FiscalYear, t.Quarter });
        thread.HasIndex(t => t.InitiativeId);
        thread.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId);
        thread.HasOne<Kpi>().WithMany().HasForeignKey(t => t.KpiId);
        thread.HasOne<Initiative>().WithMany().HasForeignKey(t => t.InitiativeId);
        thread.Property(t => t.CreatedBy).HasMaxLength(256);
        thread.Property(t => t.ResolvedBy).HasMaxLength(256);
        thread.HasMany(t => t.Comments).WithOne(c => c.Thread).HasForeignKey(c => c.ThreadId);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.Author).HasMaxLength(256);
        comment.Property(c => c.Body).HasMaxLength(Dashboard.Shared.Threads.Mentions.MaxLength);
    }
}
