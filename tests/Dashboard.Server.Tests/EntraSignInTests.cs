using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dashboard.Server.Data;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Server.Tests;

/// <summary>
/// The production wiring through Microsoft.Identity.Web, offline: Entra's metadata is given statically and the
/// id_token is signed by a key of the test's own, so the real OpenID Connect handler runs end to end.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private const string TenantId = EntraFactory.TenantId;
    private const string ClientId = EntraFactory.ClientId;
    private static readonly string _issuer = EntraFactory.Issuer;
    private static readonly RsaSecurityKey _key = EntraFactory.Key;

    private readonly TempFolder _temp = new();
    private EntraFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = new EntraFactory(_temp.ConnectionString);
        _ = _app.Server;
        await _app.WithDbAsync(async db =>
        {
            var kikaku = await db.Departments.SingleAsync(d => d.Code == "kikaku");
            db.Users.Add(new AppUser { LoginName = "yamada@city.goshogawara.example", DisplayName = "山田 太郎", Roles = AppRoles.None, Departments = [kikaku] });
            db.Users.Add(new AppUser { LoginName = "kimura@city.goshogawara.example", DisplayName = "木村 京子", Roles = AppRoles.Committee });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task AnonymousPageVisitIsSentToEntraWithOurClientId()
    {
        var client = NewClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains($"client_id={ClientId}", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Flocalhost%2Fsignin-oidc", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousApiCallIs401NotARedirect()
    {
        var response = await NewClient().GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedIdTokenWithAppRolesYieldsASessionWithMappedRolesAndDatabaseDepartments()
    {
        var client = NewClient();

        var landing = await RoundTripAsync(client, "yamada@city.goshogawara.example", "oid-yamada", ["SectionStaff", "Planner", "SomethingElse"]);

        Assert.Equal("/", landing.OriginalString);
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");
        Assert.Equal(AppRoles.SectionStaff | AppRoles.Planner, me!.Roles);
        Assert.Equal(["kikaku"], me.DepartmentCodes);
        Assert.Equal("山田 太郎", me.DisplayName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin")).StatusCode);
        Assert.Equal("oid-yamada", await _app.WithDbAsync(db => db.Users.Where(u => u.LoginName == "yamada@city.goshogawara.example").Select(u => u.EntraObjectId).SingleAsync()));
    }

    [Fact]
    public async Task RolesGivenInTheAppCountWithoutEntraAppRoles()
    {
        var client = NewClient();

        await RoundTripAsync(client, "kimura@city.goshogawara.example", "oid-kimura", []);

        Assert.Equal(AppRoles.Committee, (await client.GetFromJsonAsync<MeDto>("/api/me"))!.Roles);
    }

    [Fact]
    public async Task SomeoneEntraKnowsButWeDoNotLandsOnTheNoAccessPage()
    {
        var client = NewClient();

        var landing = await RoundTripAsync(client, "stranger@city.goshogawara.example", "oid-stranger", ["Admin"]);

        Assert.Equal("/account/no-access", landing.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    private HttpClient NewClient() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>Challenge, then post back what Entra would: a signed id_token with the nonce and state it was given.</summary>
    private static async Task<Uri> RoundTripAsync(HttpClient client, string upn, string objectId, string[] roles)
    {
        var challenge = await client.GetAsync("/");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["nonce"] = query["nonce"].ToString(),
                ["oid"] = objectId,
                ["sub"] = objectId,
                ["tid"] = TenantId,
                ["preferred_username"] = upn,
                ["name"] = "Entra の表示名",
                ["ver"] = "2.0",
                ["roles"] = roles,
            },
        });

        var response = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = token,
            ["state"] = query["state"].ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }
}
