using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Dashboard.Shared.Plans;

namespace Dashboard.Server.Data;

/// <summary>
/// The model. Each provider has its own subclass so that each keeps its own migration set
/// (see docs/decisions/001-one-migration-set-per-provider.md).
/// </summary>
public abstract class DashboardDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
    public DbSet<KpiSuccession> KpiSuccessions => Set<KpiSuccession>();
    public DbSet<BasicPolicy> Policies => Set<BasicPolicy>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiTargetValue> KpiTargets => Set<KpiTargetValue>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<QuarterlyEntry> Entries => Set<QuarterlyEntry>();
    public DbSet<ClosedQuarter> ClosedQuarters => Set<ClosedQuarter>();
    public DbSet<InitiativeAssessment> Assessments => Set<InitiativeAssessment>();
    public DbSet<PublishedQuarter> PublishedQuarters => Set<PublishedQuarter>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();
    public DbSet<CollectionWindow> CollectionWindows => Set<CollectionWindow>();
    public DbSet<Dispatch> Dispatches => Set<Dispatch>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<LocalAccount> LocalAccounts => Set<LocalAccount>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<SignInEvent> SignInLog => Set<SignInEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CommentThread> Threads => Set<CommentThread>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommitteeMeeting> Meetings => Set<CommitteeMeeting>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<ScheduledPack> ScheduledPacks => Set<ScheduledPack>();

    /// <summary>Data protection keys, shared by every instance behind a load balancer so sign-ins survive.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampDataChange();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampDataChange();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);

    /// <summary>
    /// A save that changes data (not only audit rows, sessions or keys) gives <see cref="DataStamp"/> a new stamp in the
    /// same transaction (notices and mails are not dashboard data): the dashboard view cache of every instance sees a new data version on its next request. Writes
    /// that bypass SaveChanges (ExecuteUpdate/ExecuteDelete) touch sessions and users only.
    /// </summary>
    private void StampDataChange()
    {
        var changed = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not (AuditEntry or UserSession or DataProtectionKey or DataStamp or Dispatch or Notification or OutgoingMail
                or LocalAccount or PasswordHistoryEntry or SignInEvent or ApiToken or Microsoft.AspNetCore.Identity.IdentityUserToken<int>));
        if (!changed)
        {
            return;
        }

        var stamp = ChangeTracker.Entries<DataStamp>().FirstOrDefault()?.Entity ?? Attach(new DataStamp { Id = DataStamp.SingleId }).Entity;
        stamp.Stamp = Guid.NewGuid();
        Entry(stamp).Property(s => s.Stamp).IsModified = true;
    }
}

public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options) : DashboardDbContext(options);

public sealed class SqlServerDashboardDbContext(DbContextOptions<SqlServerDashboardDbContext> options) : DashboardDbContext(options);
