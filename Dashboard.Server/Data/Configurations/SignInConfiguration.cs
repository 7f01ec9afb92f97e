using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Server.Data.Configurations;

internal sealed class LocalAccountConfiguration : IEntityTypeConfiguration<LocalAccount>
{
    public void Configure(EntityTypeBuilder<LocalAccount> account)
    {
        // The tables Identity's IdentityUserContext would make, under our names; the id is the person's (Users.Id).
        account.ToTable("LocalAccounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
        account.HasOne<AppUser>().WithOne().HasForeignKey<LocalAccount>(a => a.Id).OnDelete(DeleteBehavior.Cascade);
        account.HasIndex(a => a.NormalizedUserName).IsUnique();
        account.Property(a => a.UserName).HasMaxLength(256);
        account.Property(a => a.NormalizedUserName).HasMaxLength(256);
        account.Property(a => a.Email).HasMaxLength(256);
        account.Property(a => a.NormalizedEmail).HasMaxLength(256);
        account.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        account.Property(a => a.LastTotpCode).HasMaxLength(16);
    }
}

internal sealed class LocalAccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> claim)
    {
        claim.ToTable("LocalAccountClaims");
        claim.HasKey(c => c.Id);
        claim.HasOne<LocalAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalAccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> login)
    {
        login.ToTable("LocalAccountLogins");
        login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        login.Property(l => l.LoginProvider).HasMaxLength(128);
        login.Property(l => l.ProviderKey).HasMaxLength(128);
        login.HasOne<LocalAccount>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalAccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> token)
    {
        // The authenticator key and the recovery codes live here.
        token.ToTable("LocalAccountTokens");
        token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        token.Property(t => t.LoginProvider).HasMaxLength(128);
        token.Property(t => t.Name).HasMaxLength(128);
        token.HasOne<LocalAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> entry)
    {
        entry.ToTable("PasswordHistory");
        entry.HasIndex(e => new { e.UserId, e.CreatedUtc });
        entry.Property(e => e.PasswordHash).HasMaxLength(512);
        entry.HasOne<LocalAccount>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> e)
    {
        e.ToTable("SignInLog");
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.UserId, x.AtUtc });
        e.Property(x => x.LoginName).HasMaxLength(256);
        e.Property(x => x.Method).HasMaxLength(16);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Detail).HasMaxLength(400);
        e.Property(x => x.Address).HasMaxLength(64);
        e.Property(x => x.Actor).HasMaxLength(256);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.HasIndex(t => t.Hash).IsUnique();
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.DepartmentCode).HasMaxLength(50);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Hint).HasMaxLength(8);
        token.Property(t => t.CreatedBy).HasMaxLength(256);
        token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
