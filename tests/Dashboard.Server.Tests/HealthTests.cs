using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Dashboard.Server.Tests;

/// <summary>
/// /health/live and /health/ready for a load balancer (issue 25, point 2): no sign-in, nothing in the answer but the
/// status word; ready answers 503 while the database cannot be used and 200 again once it can.
/// </summary>
public sealed class HealthTests : AppTestBase
{
    [Fact]
    public async Task ReadyIs503WhileTheDatabaseIsGoneAnd200AfterNeitherNeedsSignInNorTellsAnything()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        await ExpectAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");
        await ExpectAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");

        // The database file goes away (a lost volume): a new, empty file has none of the migrations.
        var moved = Temp.DatabaseFile + ".away";
        SqliteConnection.ClearAllPools();
        File.Move(Temp.DatabaseFile, moved);
        try
        {
            await ExpectAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
            await ExpectAsync(client, "/health/live", HttpStatusCode.OK, "Healthy"); // the process itself still serves
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(Temp.DatabaseFile);
            File.Move(moved, Temp.DatabaseFile);
        }

        await ExpectAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");
    }

    [Fact]
    public async Task AMailStuckInTheOutboxIsDegradedButKeepsTheInstanceInService()
    {
        await App.WithDbAsync(async db =>
        {
            var dispatch = new Dashboard.Server.Data.Dispatch { Key = "health-test", SentBy = "system", CreatedUtc = DateTime.UtcNow.AddHours(-3) };
            db.Dispatches.Add(dispatch);
            db.OutgoingMails.Add(new Dashboard.Server.Data.OutgoingMail { Dispatch = dispatch, To = "tanaka@demo.local", Subject = "件名", Body = "本文", CreatedUtc = DateTime.UtcNow.AddHours(-2) });
            await db.SaveChangesAsync();
            return 0;
        });

        await ExpectAsync(App.CreateClient(), "/health/ready", HttpStatusCode.OK, "Degraded");
    }

    private static async Task ExpectAsync(HttpClient client, string path, HttpStatusCode status, string body)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync()); // the status word, nothing about the setup
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
