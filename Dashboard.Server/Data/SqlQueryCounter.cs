using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Server.Data;

/// <summary>
/// Counts the SQL commands each API request runs and reports them in a <c>Server-Timing: sql;desc="queries=N";dur=ms</c>
/// header, so the benchmark and the tests can check that a view's cost does not grow with the number of KPIs, and an
/// operator can see it in the browser's developer tools.
/// </summary>
public sealed class SqlQueryCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private sealed class Tally
    {
        public int Count;
        public long Ticks;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Count(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Count(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Count(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(eventData, result));

    /// <summary>
    /// Starts counting for API requests and writes the header when the response starts: in Development for anyone
    /// (the benchmark and tests read it), elsewhere only for an administrator (timings help an attacker probe).
    /// </summary>
    public static IApplicationBuilder UseSqlQueryCounting(IApplicationBuilder app)
    {
        var everyone = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            var tally = new Tally();
            context.Items[typeof(Tally)] = tally;
            context.Response.OnStarting(() =>
            {
                if (everyone || context.User.IsInRole(Dashboard.Shared.Auth.RoleNames.Admin))
                {
                    var ms = TimeSpan.FromTicks(tally.Ticks).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
                    context.Response.Headers.Append("Server-Timing", $"sql;desc=\"queries={tally.Count}\";dur={ms}");
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    private T Count<T>(CommandExecutedEventData eventData, T result)
    {
        if (http.HttpContext?.Items[typeof(Tally)] is Tally tally)
        {
            Interlocked.Increment(ref tally.Count);
            Interlocked.Add(ref tally.Ticks, eventData.Duration.Ticks);
        }

        return result;
    }
}
