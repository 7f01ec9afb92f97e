using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dashboard.Server.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Server.Tests;

/// <summary>Logs an operator can read (issue 25, point 4): one line per request with its duration and the person's id only; JSON as an option.</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly CapturedLogs _logs = new();
    private DashboardFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData) { Logs = _logs };
        _app.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task EachRequestIsOneLineWithMethodPathStatusDurationAndThePersonsIdOnly()
    {
        var client = await _app.SignedInClientAsync(DashboardFactory.Demo.Planner);
        var planner = await _app.WithDbAsync(db => db.Users.Where(u => u.LoginName == DashboardFactory.Demo.Planner).Select(u => u.Id).SingleAsync());
        _logs.Entries.Clear();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me?login=takahashi@demo.local")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entries/NO-SUCH/2026/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/health/live")).StatusCode);

        var lines = _logs.Entries.Where(e => e.Category == RequestLog.Category).ToList();
        Assert.Equal(3, lines.Count);
        var me = lines[0];
        Assert.Equal("GET", me.State["Method"]);
        Assert.Equal("/api/me", me.State["Path"]);
        Assert.Equal(200, me.State["Status"]);
        Assert.True((double)me.State["DurationMs"]! >= 0);
        Assert.Equal(planner, me.State["UserId"]);
        Assert.Equal(404, lines[1].State["Status"]);
        Assert.Null(lines[2].State["UserId"]); // the health check signs no one in
        // Nothing about the person but their id: no login, no name, no query string.
        Assert.All(lines, l => Assert.DoesNotContain("takahashi", l.Message, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("高橋", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithLoggingFormatJsonEveryLogEntryIsOneJsonObject()
    {
        var (exitCode, output) = await ServerCommand.RunAsync("Production", "add-admin", "json@city.local", "JSON 確認",
            $"--ConnectionStrings:Dashboard={_temp.ConnectionString}-json", $"--Seed:Folder={RepoPaths.SeedData}", "--SignIn:LocalAccounts=true", "--Logging:Format=Json");

        Assert.True(exitCode == 0, output);
        var entries = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.True(e.TryGetProperty("Timestamp", out _));
            Assert.True(e.TryGetProperty("LogLevel", out _));
            Assert.True(e.TryGetProperty("Category", out _));
        });
        Assert.Contains(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Loaded plan", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("info:", StringComparison.Ordinal) || l.StartsWith("Information: ", StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, object?> State);

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                owner.Entries.Enqueue(new Entry(category, formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value)));
            }
        }
    }
}
