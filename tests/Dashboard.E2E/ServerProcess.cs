using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.E2E;

/// <summary>
/// The real Dashboard.Server, started as `dotnet Dashboard.Server.dll` on a free loopback port with its own SQLite
/// file, the repository's seed-data and the sample figures.
/// </summary>
/// <param name="arguments">More command-line configuration, e.g. another render mode.</param>
public sealed class ServerProcess(params string[] arguments) : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "dashboard-e2e", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The SQLite file this instance made; another instance can share it (<c>--ConnectionStrings:Dashboard=...</c>).</summary>
    public string DatabasePath => Path.Combine(_dataFolder, "dashboard.db");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Runs <paramref name="test"/> against a server of its own (so what it writes reaches no other test), stopped afterwards.</summary>
    public static async Task WithOwnAsync(Func<ServerProcess, Task> test, params string[] arguments)
    {
        var server = new ServerProcess(arguments);
        await server.InitializeAsync();
        try
        {
            await test(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        return StartAsync();
    }

    /// <summary>Stops the server the way a service manager does for a deployment: SIGTERM (a graceful shutdown), and waits until it has gone.</summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using (var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await _process.WaitForExitAsync(stopped.Token);
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the stopped server again on the same address and database.</summary>
    public Task StartAgainAsync() => StartAsync();

    private async Task StartAsync()
    {
        var root = RepoRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var serverBin = Path.Combine(root, "Dashboard.Server", "bin", configuration, "net10.0");

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(serverBin, "Dashboard.Server.dll"),
                "--urls", BaseAddress.ToString().TrimEnd('/'),
                $"--ConnectionStrings:Dashboard=Data Source={Path.Combine(_dataFolder, "dashboard.db")}",
                $"--Seed:Folder={Path.Combine(root, "seed-data")}",
                "--Seed:LoadSampleFigures=true",
                $"--Backups:Folder={Path.Combine(_dataFolder, "backups")}",
            },
            WorkingDirectory = Path.Combine(root, "Dashboard.Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // lets the output handlers finish
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync("account/login")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not answer within 90 s:\n{Log}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found");
    }
}
