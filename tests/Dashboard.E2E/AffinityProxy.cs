using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Dashboard.E2E;

/// <summary>
/// A real reverse proxy (YARP) in front of several app instances, configured as the README asks of a production load
/// balancer: session affinity by cookie (so a circuit's WebSocket stays on its instance), and active health checks
/// every second, so a stopped instance is taken out and its people are sent to another one. Each answer says which
/// instance gave it (header <see cref="InstanceHeader"/>), so a test knows whom to stop.
/// </summary>
public sealed class AffinityProxy : IAsyncDisposable
{
    public const string InstanceHeader = "X-Test-Instance";

    private readonly WebApplication _app;

    private AffinityProxy(WebApplication app, Uri baseAddress) => (_app, BaseAddress) = (app, baseAddress);

    public Uri BaseAddress { get; }

    public static async Task<AffinityProxy> StartAsync(IReadOnlyDictionary<string, Uri> instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "app", ClusterId = "dashboard", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "dashboard",
                    SessionAffinity = new SessionAffinityConfig
                    {
                        Enabled = true,
                        Policy = "Cookie",
                        FailurePolicy = "Redistribute",
                        AffinityKeyName = ".dashboard-affinity",
                    },
                    HealthCheck = new HealthCheckConfig
                    {
                        Active = new ActiveHealthCheckConfig
                        {
                            Enabled = true,
                            Interval = TimeSpan.FromSeconds(1),
                            Timeout = TimeSpan.FromSeconds(2),
                            Policy = "ConsecutiveFailures",
                            Path = "/health/ready",
                        },
                    },
                    Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
                    Destinations = instances.ToDictionary(i => i.Key, i => new DestinationConfig { Address = i.Value.ToString() }),
                }])
            .AddTransforms(context =>
            {
                // The app compares a write's Origin with the Host it was sent to: the proxy passes the browser's Host on.
                context.AddOriginalHost(true);
                context.AddResponseTransform(response =>
                {
                    if (response.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId is { } id)
                    {
                        response.HttpContext.Response.Headers[InstanceHeader] = id;
                    }

                    return ValueTask.CompletedTask;
                });
            });

        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return new AffinityProxy(app, new Uri(app.Urls.First() + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
