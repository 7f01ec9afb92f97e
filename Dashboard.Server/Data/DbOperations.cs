using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Data;

/// <summary>
/// One database context per operation (decision 016). An interactive page is one DI scope for as long as it is open,
/// and several of its components (the page, the notification bell) may call services at the same time; EF Core refuses
/// a second operation on one context. So a service method begins an operation, which takes a fresh context from the
/// <see cref="IDbContextFactory{TContext}"/>, and everything that method calls on the same async flow (the audit
/// writer, plan and quarter rules, another service) works on that same context: one unit of work, saved together or not
/// at all. An operation begun inside another one of the same scope joins it. The context is made on first use (a view
/// served from the cache needs none) and goes when the operation ends.
/// </summary>
public sealed class DbOperations(IDbContextFactory<DashboardDbContext> factory)
{
    // Which operation the current async flow is in. AsyncLocal: a value set in a method flows into what it awaits and
    // calls, never back to its caller, nor into the flow of another component of the page.
    private static readonly AsyncLocal<Lease?> Ambient = new();

    /// <summary>The context of the operation this code runs in.</summary>
    /// <exception cref="InvalidOperationException">Called outside an operation: a programming error, caught by tests.</exception>
    public DashboardDbContext Current => Ambient.Value is { } lease && ReferenceEquals(lease.Owner, this)
        ? lease.Context
        : throw new InvalidOperationException("A database call outside an operation: the service method must begin one with DbOperations.Begin().");

    /// <summary>Begins an operation, or joins the one this flow is already in. Dispose it when the operation is over.</summary>
    public DbOperation Begin()
    {
        if (Ambient.Value is { } outer && ReferenceEquals(outer.Owner, this))
        {
            return default;
        }

        var lease = new Lease(this, Ambient.Value);
        Ambient.Value = lease;
        return new DbOperation(lease);
    }

    private DashboardDbContext CreateContext() => factory.CreateDbContext();

    internal sealed class Lease(DbOperations owner, Lease? previous)
    {
        private DashboardDbContext? _context;

        public DbOperations Owner => owner;

        public DashboardDbContext Context => _context ??= owner.CreateContext();

        public void End()
        {
            if (ReferenceEquals(Ambient.Value, this))
            {
                Ambient.Value = previous;
            }

            _context?.Dispose();
        }
    }
}

/// <summary>An operation begun by <see cref="DbOperations.Begin"/>; disposing it releases its context (a joined one does nothing).</summary>
public readonly struct DbOperation : IDisposable
{
    private readonly DbOperations.Lease? _lease;

    internal DbOperation(DbOperations.Lease lease) => _lease = lease;

    public void Dispose() => _lease?.End();
}

/// <summary>The factory for the configured provider's context (Database:Provider).</summary>
internal sealed class DashboardDbContextFactory(IServiceProvider services, IConfiguration configuration) : IDbContextFactory<DashboardDbContext>
{
    // Read once: binding the setting on every context was a measurable part of a page (issue 22).
    private readonly string _provider = DataServiceCollectionExtensions.ProviderOf(configuration);

    public DashboardDbContext CreateDbContext() => _provider switch
    {
        DatabaseProviders.SqlServer => services.GetRequiredService<IDbContextFactory<SqlServerDashboardDbContext>>().CreateDbContext(),
        _ => services.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>().CreateDbContext(),
    };
}
