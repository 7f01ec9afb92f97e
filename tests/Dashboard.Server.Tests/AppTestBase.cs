namespace Dashboard.Server.Tests;

/// <summary>The real app over its own SQLite file in a temp folder, started before each test and torn down after.</summary>
public abstract class AppTestBase : IAsyncLifetime
{
    protected TempFolder Temp { get; } = new();

    protected DashboardFactory App { get; private set; } = default!;

    /// <summary>Load seed-data/sample-figures too.</summary>
    protected virtual bool Samples => false;

    /// <summary>Serve over real loopback HTTP (Kestrel) instead of the in-memory test server.</summary>
    protected virtual bool Loopback => false;

    /// <summary>The app's clock; null keeps the system clock (today the seed plan has ended: nothing is chased).</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>More app settings for this class's tests (e.g. SignIn:LocalAccounts).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual Task InitializeAsync()
    {
        App = new DashboardFactory(Temp.ConnectionString, RepoPaths.SeedData, Samples, Loopback) { Clock = Clock };
        foreach (var (key, value) in Settings)
        {
            App.Settings[key] = value;
        }

        App.Start();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Temp.Dispose();
    }
}
