using Dashboard.Server.Data;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>
/// Issue 22, point 2: an interactive page is one DI scope for as long as it is open, and its components (the page, the
/// notification bell) may query at the same time. Each service operation takes its own context (DbOperations over
/// IDbContextFactory), so they never meet on one; what an operation calls shares its context.
/// </summary>
public sealed class OneContextPerOperationTests : AppTestBase
{
    protected override bool Samples => true;

    [Fact]
    public async Task TheBellAndThePageQueryAtTheSameTimeInOneCircuitScope()
    {
        await using var circuit = App.Services.CreateAsyncScope();
        var bell = circuit.ServiceProvider.GetRequiredService<INotificationService>();
        var dashboards = circuit.ServiceProvider.GetRequiredService<IDashboardService>();
        var plans = circuit.ServiceProvider.GetRequiredService<IPlanService>();

        // On threads of their own and released together, so the queries really overlap (a shared context throws
        // "A second operation was started on this context instance" here).
        for (var round = 0; round < 20; round++)
        {
            using var together = new Barrier(3);
            var results = await Task.WhenAll(
                Task.Run(async () => { together.SignalAndWait(); return (object?)await bell.GetMineAsync(); }),
                Task.Run(async () => { together.SignalAndWait(); return (object?)await dashboards.GetHeatmapAsync(2025, 4); }),
                Task.Run(async () => { together.SignalAndWait(); return (object?)await plans.GetCurrentPlanAsync(); }));
            Assert.All(results, Assert.NotNull);
            Assert.Equal(28, ((PlanDto)results[2]!).Policies.SelectMany(p => p.Initiatives).SelectMany(i => i.Kpis).Count());
        }
    }

    [Fact]
    public async Task AnOperationHasItsOwnContextWhatItCallsSharesItAndNothingOutlivesIt()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<DbOperations>();
        Assert.Throws<InvalidOperationException>(() => operations.Current);

        DashboardDbContext outer;
        using (operations.Begin())
        {
            outer = operations.Current;
            using (operations.Begin())
            {
                Assert.Same(outer, operations.Current); // a nested operation (one service calling another) joins
            }

            Assert.Same(outer, operations.Current);
            Assert.Same(outer, await Task.Run(() => operations.Current)); // what the operation starts shares it
        }

        Assert.Throws<InvalidOperationException>(() => operations.Current);
        Assert.Throws<ObjectDisposedException>(() => outer.Users.Count());

        // Two flows of the same scope (two components of one page) at the same time: two contexts.
        using var together = new Barrier(2);
        var contexts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var operation = operations.Begin();
            together.SignalAndWait();
            var mine = operations.Current;
            together.SignalAndWait();
            return mine;
        })));
        Assert.NotSame(contexts[0], contexts[1]);
    }
}
