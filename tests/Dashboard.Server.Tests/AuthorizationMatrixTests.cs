using System.Globalization;
using System.Net;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>
/// Every API endpoint, found in the app's own endpoint data source, against every kind of person. An endpoint without
/// a declared rule fails the test; so does any answer that differs from what its policy says.
/// </summary>
public sealed class AuthorizationMatrixTests : AppTestBase
{
    private static readonly (string Name, string? Login, AppRoles Roles)[] _people =
    [
        ("anonymous", null, AppRoles.None),
        ("staff of 企画課", DashboardFactory.Demo.StaffKikaku, AppRoles.SectionStaff),
        ("staff of 会計課", DashboardFactory.Demo.StaffKaikei, AppRoles.SectionStaff),
        ("committee", DashboardFactory.Demo.Committee, AppRoles.Committee),
        ("planner", DashboardFactory.Demo.Planner, AppRoles.Planner),
        ("admin", DashboardFactory.Demo.Admin, AppRoles.Admin),
    ];

    // Values for route parameters. I01-K1 belongs to 企画課; FY2030 lies outside the plan, so an allowed caller gets
    // 404 or 400 and nothing changes. Bodies are empty JSON objects unless listed.
    private static readonly Dictionary<string, string> _routeValues = new()
    {
        ["id"] = "1",
        ["code"] = "kikaku",
        ["kpiCode"] = "I01-K1",
        ["fiscalYear"] = "2030",
        ["quarter"] = "4",
        ["initiative"] = "1",
        ["number"] = "2",
        ["policyNumber"] = "1",
        ["initiativeNumber"] = "1",
    };

    private static readonly Dictionary<string, string> _bodies = new()
    {
        ["/api/entries/bulk"] = "{\"fiscalYear\":2030,\"quarter\":4,\"items\":[{\"kpiCode\":\"I01-K1\",\"entry\":{}}]}",
    };

    // Whose departments own I01-K1 (企画課), and every KPI of initiative 1.
    private static readonly HashSet<string> _ownersOfSampleKpi = [DashboardFactory.Demo.StaffKikaku];

    protected override bool Samples => true;

    private List<(string Method, RouteEndpoint Endpoint)> ApiEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e)))
            .ToList();

    [Fact]
    public void EveryApiEndpointDeclaresWhoMayCallIt()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 16, $"only {endpoints.Count} API endpoints found");
        var undeclared = endpoints
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && PoliciesOf(e.Endpoint).Count == 0)
            .Select(e => $"{e.Method} {e.Endpoint.RoutePattern.RawText}")
            .ToList();
        Assert.True(undeclared.Count == 0, "No authorization rule on: " + string.Join(", ", undeclared));

        var unknown = endpoints.SelectMany(e => PoliciesOf(e.Endpoint)).Where(p => !Policies.Roles.ContainsKey(p) && p != Policies.FiguresToken).ToList();
        Assert.True(unknown.Count == 0, "Policies not in Dashboard.Shared.Auth.Policies: " + string.Join(", ", unknown));
        Assert.DoesNotContain(endpoints, e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
    }

    [Fact]
    public async Task EachPersonGetsExactlyWhatThePoliciesSay()
    {
        var failures = new List<string>();
        foreach (var (name, login, roles) in _people)
        {
            using var client = login is null ? App.CreateClient(new() { AllowAutoRedirect = false }) : await App.SignedInClientAsync(login);
            foreach (var (method, endpoint) in ApiEndpoints())
            {
                var policies = PoliciesOf(endpoint);
                var departmentScoped = endpoint.Metadata.GetMetadata<Dashboard.Server.Features.Auth.DepartmentScopedAttribute>() is not null;
                // Department-scoped: the owning department's staff, the reviewers (planners) and the admin; nobody else.
                var outsideDepartment = departmentScoped && (roles & (AppRoles.Planner | AppRoles.Admin)) == AppRoles.None
                    && !(roles.HasFlag(AppRoles.SectionStaff) && _ownersOfSampleKpi.Contains(login!));
                // Audience-scoped (comment threads): the committee too.
                var audienceScoped = endpoint.Metadata.GetMetadata<Dashboard.Server.Features.Auth.AudienceScopedAttribute>() is not null;
                outsideDepartment |= audienceScoped && (roles & (AppRoles.Planner | AppRoles.Admin | AppRoles.Committee)) == AppRoles.None
                    && !(roles.HasFlag(AppRoles.SectionStaff) && _ownersOfSampleKpi.Contains(login!));
                // The figures API takes a token, never a signed-in person's cookie (FiguresApiTests covers the tokens).
                var expected = login is null || policies.Contains(Policies.FiguresToken) ? HttpStatusCode.Unauthorized
                    : policies.All(p => Policies.Allows(p, roles)) && !outsideDepartment ? (HttpStatusCode?)null
                    : HttpStatusCode.Forbidden;
                var url = Url(endpoint);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                var acceptsForm = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                if (acceptsForm)
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.xlsx" } };
                }
                else if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent(_bodies.GetValueOrDefault(endpoint.RoutePattern.RawText!, "{}"), System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var ok = expected is null
                    ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500
                    : response.StatusCode == expected;
                if (!ok)
                {
                    failures.Add($"{name}: {method} {url} -> {(int)response.StatusCode}, expected {(expected is null ? "allowed" : ((int)expected).ToString(CultureInfo.InvariantCulture))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<string> PoliciesOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();

    private static string Url(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => _routeValues.TryGetValue(parameter.Name, out var v)
                ? v
                : throw new InvalidOperationException($"Add a sample value for route parameter '{parameter.Name}' to the matrix test."),
            _ => "",
        }))));
}
