using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.ToTable("Users");
        user.HasIndex(u => u.LoginName).IsUnique();
        user.HasIndex(u => u.EntraObjectId).IsUnique();
        user.Property(u => u.LoginName).HasMaxLength(256);
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.EntraObjectId).HasMaxLength(64);
        user.Property(u => u.Roles).HasConversion<string>().HasMaxLength(100);
        user.HasMany(u => u.Departments).WithMany().UsingEntity("UserDepartments");
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("AuditLog");
        audit.HasIndex(a => new { a.EntityType, a.EntityKey, a.AtUtc });
        audit.Property(a => a.Actor).HasMaxLength(256);
        audit.Property(a => a.EntityType).HasMaxLength(40);
        audit.Property(a => a.EntityKey).HasMaxLength(100);
        audit.Property(a => a.Field).HasMaxLength(60);
        audit.Property(a => a.OldValue).HasMaxLength(4000);
        audit.Property(a => a.NewValue).HasMaxLength(4000);
        audit.Property(a => a.Reason).HasMaxLength(1000);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.HasIndex(s => s.CreatedUtc);
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
