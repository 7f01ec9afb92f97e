using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Review;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Server.Tests;

/// <summary>
/// Property-style: random JSON shapes and values (seeded, so a failure replays) on every write endpoint of the API,
/// as each role. No answer may be a 5xx, and whatever got stored must be something the read APIs hand back in a form
/// the shared rules accept.
/// </summary>
public sealed class WriteEndpointFuzzTests : AppTestBase
{
    private const int Seed = 20261201;
    private const int TriesPerEndpointAndRole = 40;

    protected override bool Samples => true;

    // Bodies that pass validation, to mutate: a mutation then probes one rule at a time instead of failing early.
    private static readonly Dictionary<string, string> _validBodies = new()
    {
        ["/api/entries/{kpiCode}/{fiscalYear:int}/{quarter:int}"] = "{\"value\":\"150\",\"done\":\"実施した\",\"check\":\"順調\",\"submit\":false}",
        ["/api/entries/bulk"] = "{\"fiscalYear\":2025,\"quarter\":4,\"items\":[{\"kpiCode\":\"I01-K1\",\"entry\":{\"value\":\"150\"}},{\"kpiCode\":\"I02-K1\",\"entry\":{\"done\":\"実施\"}}]}",
        ["/api/review/{kpiCode}/{fiscalYear:int}/{quarter:int}"] = "{\"approve\":false,\"comment\":\"確認してください\",\"version\":\"00000000-0000-0000-0000-000000000000\"}",
        ["/api/quarters/{fiscalYear:int}/{quarter:int}/reopen"] = "{\"reason\":\"訂正のため\"}",
        ["/api/admin/users"] = "{\"loginName\":\"fuzz@demo.local\",\"displayName\":\"試験\",\"roles\":\"Committee\",\"departmentCodes\":[],\"isActive\":true}",
        ["/api/admin/users/{id:int}"] = "{\"loginName\":\"tanaka@demo.local\",\"displayName\":\"田中\",\"roles\":\"SectionStaff\",\"departmentCodes\":[\"kikaku\"],\"isActive\":true}",
        ["/api/admin/departments"] = "{\"code\":\"fuzz\",\"name\":\"試験課\"}",
        ["/api/admin/departments/{code}"] = "{\"code\":\"kikaku\",\"name\":\"企画課\"}",
        ["/api/assessments/{initiative:int}/{fiscalYear:int}"] = "{\"override\":\"B\",\"overrideReason\":\"理由\",\"issues\":\"課題\",\"direction\":\"Continue\",\"committeeOpinion\":\"意見\"}",
        ["/api/assessments/{initiative:int}/{fiscalYear:int}/reply"] = "{\"reply\":\"回答\"}",
    };

    private static readonly Dictionary<string, string[]> _routeValues = new()
    {
        ["kpiCode"] = ["I01-K1", "I02-K2", "I02-K5", "I09-K2", "ZZZ", "I01-K1%20", "%E2%80%AE"],
        ["fiscalYear"] = ["2025", "2024", "2022", "2030", "0", "-1", "2147483647"],
        ["quarter"] = ["4", "3", "1", "0", "5", "-2147483648"],
        ["id"] = ["1", "2", "6", "999", "0", "-1"],
        ["code"] = ["kikaku", "kaikei", "fuzz", "ZZ", "a-b", "%3Cscript%3E", "goshogawara-dx-2022"],
        ["initiative"] = ["2", "1", "11", "12", "0", "-1", "2147483647"],
        ["policyNumber"] = ["1", "3", "4", "0", "-1", "2147483647"],
        ["initiativeNumber"] = ["1", "11", "12", "0", "-1", "2147483647"],
    };

    private static readonly string[] _strings =
    [
        "", " ", "150", "１５０", "1e309", "-1", "0.123", "999999999999999999999999999999", "NaN", "Infinity",
        "\u202E逆", "a\0b", "\uFFFF", "\u0007", "<script>alert(1)</script>", "=1+1", "@SUM(A1)", new('あ', 2500),
        "2100-12-31", "0001-01-01", "2025-02-30", "not-a-date", "00000000-0000-0000-0000-000000000000",
        "Approved", "Done", "SectionStaff", "Admin, Planner", "kikaku", "https://example.jp/a", "javascript:alert(1)",
    ];

    private static readonly string[] _names =
    [
        "value", "milestone", "milestoneDate", "done", "check", "act", "evidenceUrl", "version", "submit", "confirmUnlikely",
        "fiscalYear", "quarter", "items", "kpiCode", "entry", "approve", "comment", "reason",
        "loginName", "displayName", "roles", "departmentCodes", "isActive", "code", "name",
        "override", "overrideReason", "issues", "direction", "committeeOpinion", "reply",
        "date", "description", "extendToFiscalYear", "effectiveFrom", "firstFiscalYear", "lastFiscalYear", "disposition", "mergeInto",
        "initiativeNumber", "kind", "unit", "baselineValue", "baselineDate", "milestoneDueFiscalYear", "owners", "source", "note",
        "revisionDate", "revisionReason", "title", "subtitle", "body", "resolved",
    ];

    [Fact]
    public async Task RandomBodiesNeverGiveA5xxAndNothingIsStoredThatTheReadsWouldRefuse()
    {
        var random = new Random(Seed);
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH").Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.True(endpoints.Count >= 9, $"only {endpoints.Count} write endpoints found");

        var failures = new List<string>();
        var sent = 0;
        foreach (var login in new[] { DashboardFactory.Demo.StaffKikaku, DashboardFactory.Demo.StaffTwoDepartments, DashboardFactory.Demo.Committee, DashboardFactory.Demo.Planner, DashboardFactory.Demo.Admin })
        {
            using var client = await App.SignedInClientAsync(login);
            foreach (var (method, endpoint) in endpoints)
            {
                for (var i = 0; i < TriesPerEndpointAndRole; i++)
                {
                    var url = Url(endpoint, random);
                    var body = Body(endpoint.RoutePattern.RawText!, random);
                    using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                    using var response = await client.SendAsync(request);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{login} {method} {url} {body[..Math.Min(body.Length, 300)]} -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed with 5xx:\n" + string.Join("\n", failures.Take(20)));
        await StoredDataPassesTheSharedRulesAsync();
    }

    private async Task StoredDataPassesTheSharedRulesAsync()
    {
        var admin = await App.SignedInClientAsync(DashboardFactory.Demo.Admin);
        var stored = await App.WithDbAsync(db => db.Entries.AsNoTracking().Where(e => !e.IsSample).Join(db.Kpis, e => e.KpiId, k => k.Id, (e, k) => new { k.Code, e.FiscalYear, e.Quarter }).ToListAsync());
        var refused = new List<string>();
        foreach (var row in stored)
        {
            // What the fuzzing wrote (sample figures are seed data, not API writes).
        var read = await admin.GetAsync($"/api/entries/{row.Code}/{row.FiscalYear}/{row.Quarter}");
            if (!read.IsSuccessStatusCode)
            {
                refused.Add($"entry {row.Code} {row.FiscalYear}Q{row.Quarter} cannot be read back: {(int)read.StatusCode}");
                continue;
            }

            var dto = (await read.Content.ReadFromJsonAsync<EntryDto>())!;
            var request = new SaveEntryRequest(dto.Value?.ToString(CultureInfo.InvariantCulture), dto.Milestone, dto.MilestoneDate, dto.Done, dto.Check, dto.Act, dto.EvidenceUrl,
                dto.Version, Submit: false, ConfirmUnlikely: true);
            var check = EntryValidation.Check(dto.Kpi.ToDefinition(), new FiscalQuarter(dto.FiscalYear, dto.Quarter), request, dto.Thresholds);
            if (!check.IsValid)
            {
                refused.Add($"entry {row.Code} {row.FiscalYear}Q{row.Quarter}: {string.Join(" ", check.Errors.SelectMany(e => e.Value))}");
            }

            if (ReviewValidation.Comment(approve: true, dto.ReviewComment) is { } problem)
            {
                refused.Add($"review comment of {row.Code}: {problem}");
            }
        }

        var overview = (await admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!;
        foreach (var user in overview.Users)
        {
            var errors = AdminValidation.Validate(new SaveUserRequest(user.LoginName, user.DisplayName, user.Roles, user.DepartmentCodes, user.IsActive));
            refused.AddRange(errors.Select(e => $"user {user.LoginName}: {string.Join(" ", e.Value)}"));
        }

        foreach (var department in overview.Departments)
        {
            refused.AddRange(AdminValidation.Validate(new SaveDepartmentRequest(department.Code, department.Name)).Select(e => $"department {department.Code}: {string.Join(" ", e.Value)}"));
        }

        var assessments = await App.WithDbAsync(db => db.Assessments.AsNoTracking().ToListAsync());
        foreach (var a in assessments)
        {
            var scheme = Dashboard.Shared.Kpis.GradeScheme.AtoD;
            refused.AddRange(Dashboard.Shared.Assessments.AssessmentRules.Validate(new Dashboard.Shared.Assessments.SaveAssessmentRequest(a.OverrideGrade, a.OverrideReason, a.Issues, a.Direction, a.CommitteeOpinion, null), scheme)
                .Concat(Dashboard.Shared.Assessments.AssessmentRules.Validate(new Dashboard.Shared.Assessments.SaveReplyRequest(a.DepartmentReply, null)))
                .Select(e => $"assessment {a.InitiativeId}/{a.FiscalYear}: {string.Join(" ", e.Value)}"));
        }

        var audit = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Select(a => new { a.Reason, a.NewValue }).ToListAsync());
        refused.AddRange(audit.SelectMany(a => new[] { a.Reason, a.NewValue }).Where(t => TextPolicy.Problem(t, "audit", multiline: true) is not null).Select(t => $"audit text: {t}"));

        Assert.True(refused.Count == 0, string.Join("\n", refused.Take(20)));
        Assert.True(stored.Count > 0 && overview.Users.Count > 0, "the check above must have read something");
    }

    private static string Url(RouteEndpoint endpoint, Random random)
    {
        // Two times in three the first (existing, open) values, so that bodies reach the rules behind the route.
        var existing = random.Next(3) > 0;
        return "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => existing ? _routeValues[parameter.Name][0] : Pick(random, _routeValues[parameter.Name]),
            _ => "",
        }))));
    }

    /// <summary>A valid body as it is, or with zero to three values replaced, or (half the time) a random shape.</summary>
    private static string Body(string route, Random random)
    {
        if (_validBodies.TryGetValue(route, out var valid) && random.Next(2) == 0)
        {
            var node = JsonNode.Parse(valid)!.AsObject();
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                var target = node;
                if (node["items"] is JsonArray { Count: > 0 } items && random.Next(2) == 0 && items[random.Next(items.Count)] is JsonObject item)
                {
                    target = item["entry"] is JsonObject entry && random.Next(2) == 0 ? entry : item;
                }

                // Mostly the body's own fields, so that each rule behind them is probed; sometimes a stranger.
                var own = target.Select(p => p.Key).ToArray();
                var name = own.Length > 0 && random.Next(4) > 0 ? Pick(random, own) : Pick(random, _names);
                target[name] = random.Next(2) == 0 ? JsonValue.Create(Pick(random, _strings)) : Value(random, 1);
            }

            return node.ToJsonString();
        }

        return random.Next(8) switch
        {
            0 => "",
            1 => "null",
            2 => "[]",
            3 => "{\"value\":",
            _ => Value(random, 0) is JsonObject o ? o.ToJsonString() : Object(random, 0).ToJsonString(),
        };
    }

    private static JsonObject Object(Random random, int depth)
    {
        var node = new JsonObject();
        for (var n = random.Next(0, 8); n > 0; n--)
        {
            node[Pick(random, _names)] = Value(random, depth + 1);
        }

        return node;
    }

    private static JsonNode? Value(Random random, int depth) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-3, 6)),
        3 => JsonValue.Create(Pick(random, [1e308, -1e308, 2147483648d, 0.5, 2025, 1e-300])),
        4 or 5 or 6 => JsonValue.Create(Pick(random, _strings)),
        7 => JsonValue.Create(new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString()),
        8 => depth < 3 ? new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth + 1)).ToArray()) : null,
        _ => depth < 3 ? Object(random, depth) : JsonValue.Create("x"),
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
