using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>The app as it runs in production (Entra configured): what errors and headers tell a caller.</summary>
public sealed class ProductionErrorTests : IAsyncLifetime
{
    private const string Probe = "probe-7f3a9c";
    private readonly TempFolder _temp = new();
    private EntraFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new EntraFactory(_temp.ConnectionString, "Production", services => services.AddSingleton<IStartupFilter>(new FailingRoute()));
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task AnUnhandledErrorShowsNoStackTraceAndNoRequestHeaders()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test-failure");
        request.Headers.Add("X-Probe", Probe);
        request.Headers.Add("Cookie", $"dx-dashboard={Probe}");

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Dashboard", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputAnswersWithAMessageOnlyAndNoTimingsForAnonymousCallers()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var bad = await client.GetAsync("/preferences/theme?mode=dark&returnUrl=%0d%0a" + Probe);
        var api = await client.GetAsync("/api/me");
        var body = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("戻り先のアドレスが正しくありません", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.False(api.Headers.Contains("Server-Timing"), "SQL timings are for Development and administrators only");
        Assert.True(api.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task ABodyAnEndpointCannotBindIsAPlain400WithoutTheRequestsHeadersOrCookies()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/test-bind") { Content = new StringContent("{\"n\": [" + Probe, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Probe", Probe);
        request.Headers.Add("Cookie", $"dx-dashboard={Probe}");

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookie", body, StringComparison.OrdinalIgnoreCase);
    }

    public sealed record BindProbe(int N);

    /// <summary>A request that fails inside the app's own pipeline, carrying what it was sent in its message.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // A minimal API bound from JSON, as every endpoint of ours is, with the app's own RouteHandlerOptions.
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapPost("/test-bind", (BindProbe probe) => probe.N).AllowAnonymous());
            next(app);
            app.Map("/test-failure", branch => branch.Run(context =>
                throw new InvalidOperationException($"failed with X-Probe={context.Request.Headers["X-Probe"]} Cookie={context.Request.Headers.Cookie}")));
        };
    }
}
