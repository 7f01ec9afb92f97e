using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

/// <summary>
/// The model. Each provider has its own subclass so that each keeps its own migration set
/// (see docs/decisions/001-one-migration-set-per-provider.md).
/// </summary>
public abstract class DashboardDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
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

    /// <summary>Data protection keys, shared by every instance behind a load balancer so sign-ins survive.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
}

public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options) : DashboardDbContext(options);

public sealed class SqlServerDashboardDbContext(DbContextOptions<SqlServerDashboardDbContext> options) : DashboardDbContext(options);
