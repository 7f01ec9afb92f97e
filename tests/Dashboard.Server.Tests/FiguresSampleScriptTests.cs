using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Admin;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Tests;

/// <summary>The README's sample script, run as written with curl against the app on loopback: it sends one CSV.</summary>
public sealed class FiguresSampleScriptTests : EntryTestBase
{
    protected override bool Loopback => true;

    [Fact]
    public async Task TheReadmesSampleScriptSendsOneCsvAndTheFiguresAreDrafts()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("```bash\n# figures-sample", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no figures-sample block");
        var body = readme[(start + "```bash\n".Length)..readme.IndexOf("```", start + 8, StringComparison.Ordinal)];
        var script = Path.Combine(Temp.Path, "send.sh");
        await File.WriteAllTextAsync(script, body);
        await File.WriteAllTextAsync(Path.Combine(Temp.Path, "figures.csv"), $"指標コード,年度,四半期,値\r\nI02-K5,{Year},{Q},52.5\r\n");

        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var sato = await App.WithDbAsync(db => db.Users.Where(u => u.LoginName == DashboardFactory.Demo.StaffKaikei).Select(u => u.Id).SingleAsync());
        var token = (await (await admin.PostAsJsonAsync("/api/admin/tokens", new IssueTokenRequest(sato, "kaikei", "会計システム", 30)))
            .Content.ReadFromJsonAsync<IssuedTokenDto>())!.Token;

        var run = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = Temp.Path, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["DASHBOARD_URL"] = App.ClientOptions.BaseAddress.ToString().TrimEnd('/'), ["DASHBOARD_TOKEN"] = token },
        };
        using var process = Process.Start(run)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("\"encoding\":\"UTF-8\"", output, StringComparison.Ordinal);
        var entry = await GetAsync(await App.SignedInClientAsync(DashboardFactory.Demo.StaffKaikei), "I02-K5");
        Assert.Equal(52.5m, entry.Value);
        Assert.Equal(Dashboard.Shared.Entries.EntryState.Draft, entry.State);
    }
}
