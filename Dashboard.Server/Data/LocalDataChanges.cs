using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Server.Data;

/// <summary>
/// Counts the writes this instance has completed (saves, committed transactions, and bulk updates and deletes such as
/// <c>ExecuteUpdate</c>), so what it keeps of the data version (<see cref="Features.Dashboards.DashboardViewCache"/>)
/// and of people's notices is dropped as soon as it writes: a person sees their own change at once. Other instances'
/// writes are seen when what is kept runs out.
/// </summary>
public sealed class LocalDataChanges : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private long _count;

    /// <summary>How many writes have completed here; read it before reading the version it guards.</summary>
    public long Count => Interlocked.Read(ref _count);

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _count);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
