using System.Security.Cryptography;
using Dashboard.Server.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Server.Tests;

/// <summary>
/// The app with Entra ID configured, offline: Entra's metadata is given statically and id_tokens are signed by the
/// test's own key, so the real OpenID Connect handler runs. In Production too, as a city would run it.
/// </summary>
public sealed class EntraFactory(string connectionString, string environment = "Development", Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string TenantId = "5c1b1d0e-3f7a-4a8e-9a55-2c6c1b7d9e01";
    public const string ClientId = "0e4a3b2c-8d9f-4e1a-b7c6-5d4e3f2a1b0c";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private static readonly string _issuer = Issuer;
    private static readonly RsaSecurityKey _key = Key;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", TenantId);
        builder.UseSetting("AzureAd:ClientId", ClientId);
        builder.UseSetting("AzureAd:CallbackPath", "/signin-oidc");
        builder.UseSetting("AzureAd:ResponseType", "id_token");
        builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
        builder.UseSetting("Seed:Folder", RepoPaths.SeedData);
        builder.ConfigureTestServices(s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration
            {
                Issuer = _issuer,
                AuthorizationEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize",
                TokenEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
                EndSessionEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/logout",
            };
            configuration.SigningKeys.Add(_key);
            o.Configuration = configuration;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            o.TokenValidationParameters.ValidIssuer = _issuer;
            o.TokenValidationParameters.IssuerSigningKey = _key;
        }));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<DashboardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DashboardDbContext>());
    }
}
