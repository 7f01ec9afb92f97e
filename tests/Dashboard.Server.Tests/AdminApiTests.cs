using System.Net;
using System.Net.Http.Json;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Tests;

public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private DashboardFactory _app = default!;
    private HttpClient _admin = default!;

    public async Task InitializeAsync()
    {
        _app = new DashboardFactory(_temp.ConnectionString, RepoPaths.SeedData);
        _admin = await _app.SignedInClientAsync(DashboardFactory.Demo.Admin);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task AddingAPersonIsAuditedFieldByField()
    {
        var response = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("Kato@City.Example", "加藤 正", AppRoles.SectionStaff, ["zeimu"], true));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var overview = await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin");
        var kato = overview!.Users.Single(u => u.LoginName == "kato@city.example");
        Assert.Equal(AppRoles.SectionStaff, kato.Roles);
        Assert.Equal(["zeimu"], kato.DepartmentCodes);
        var audit = overview.RecentChanges.Where(a => a.EntityKey == "kato@city.example").ToList();
        Assert.Equal(["Departments", "DisplayName", "IsActive", "LoginName", "Roles"], audit.Select(a => a.Field).Order());
        Assert.All(audit, a => Assert.Equal(DashboardFactory.Demo.Admin, a.Actor));
        Assert.Contains(audit, a => a.Field == "Roles" && a.OldValue == null && a.NewValue == "SectionStaff");

        // The same rows in words: the admin's name, Japanese field names, department and role names.
        var departments = audit.Single(a => a.Field == "Departments");
        Assert.Equal(("担当課", "税務課"), (departments.FieldLabel, departments.NewText));
        Assert.Equal(("役割", "各課の担当者"), (audit.Single(a => a.Field == "Roles").FieldLabel, audit.Single(a => a.Field == "Roles").NewText));
        Assert.All(audit, a => Assert.StartsWith("伊藤 誠", a.ActorName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APersonWithALoginIdIsAddedAndEditedLikeAnyOther()
    {
        // Directory, Windows and local sign-ins name people by a login ID (yamada), not a mail address: the admin must be
        // able to add such a person for a local account and to edit or turn off one the directory made.
        var added = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("Yamada", "山田 花子", AppRoles.SectionStaff, ["kikaku"], true));
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var yamada = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Single(u => u.LoginName == "yamada");

        Assert.Null(yamada.Email);
        var badMail = await _admin.PutAsJsonAsync($"/api/admin/users/{yamada.Id}", new SaveUserRequest(yamada.LoginName, yamada.DisplayName, yamada.Roles, ["kikaku"], true, "yamada"));
        Assert.Equal(HttpStatusCode.BadRequest, badMail.StatusCode);
        Assert.Contains("メールアドレス", (await badMail.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["Email"][0], StringComparison.Ordinal);

        var turnedOff = await _admin.PutAsJsonAsync($"/api/admin/users/{yamada.Id}",
            new SaveUserRequest(yamada.LoginName, yamada.DisplayName, yamada.Roles, ["kikaku", "soumu"], false, " Hanako.Yamada@City.Example "));

        Assert.Equal(HttpStatusCode.NoContent, turnedOff.StatusCode);
        var overview = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!;
        var after = overview.Users.Single(u => u.Id == yamada.Id);
        Assert.False(after.IsActive);
        Assert.Equal(["kikaku", "soumu"], after.DepartmentCodes.Order());
        Assert.Equal("hanako.yamada@city.example", after.Email);
        Assert.Contains(overview.RecentChanges, c => c.EntityKey == "yamada" && c.FieldLabel == "メールアドレス" && c.NewValue == "hanako.yamada@city.example");
    }

    [Fact]
    public async Task ChangingRolesRecordsOldAndNew()
    {
        var overview = await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin");
        var suzuki = overview!.Users.Single(u => u.LoginName == DashboardFactory.Demo.Committee);

        await _admin.PutAsJsonAsync($"/api/admin/users/{suzuki.Id}", new SaveUserRequest(suzuki.LoginName, suzuki.DisplayName, AppRoles.Committee | AppRoles.Planner, [], true));

        var change = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.RecentChanges.Single(a => a.EntityKey == suzuki.LoginName);
        Assert.Equal(("Roles", "Committee", "Committee, Planner"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task InvalidInputGetsFieldErrorsInJapaneseAndNothingIsSaved()
    {
        var before = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Count;

        var response = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("not an address", "", AppRoles.SectionStaff, [], true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("name@example.jp", problem!.Errors["LoginName"][0], StringComparison.Ordinal);
        Assert.Contains("表示名", problem.Errors["DisplayName"][0], StringComparison.Ordinal);
        Assert.Contains("担当課", problem.Errors["DepartmentCodes"][0], StringComparison.Ordinal);
        Assert.Equal(before, (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Count);
    }

    [Fact]
    public async Task UnknownDepartmentAndDuplicateLoginAreRefused()
    {
        var unknown = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("new@city.example", "新人", AppRoles.SectionStaff, ["nosuchka"], true));
        var duplicate = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest(DashboardFactory.Demo.Planner.ToUpperInvariant(), "二重", AppRoles.Committee, [], true));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("登録済み", (await duplicate.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["LoginName"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorCannotLockThemselvesOut()
    {
        var me = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Single(u => u.LoginName == DashboardFactory.Demo.Admin);

        var response = await _admin.PutAsJsonAsync($"/api/admin/users/{me.Id}", new SaveUserRequest(me.LoginName, me.DisplayName, AppRoles.Committee, [], true));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("自分自身", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/admin")).StatusCode);
    }

    [Fact]
    public async Task RenamingASampleDepartmentConfirmsItAndIsAudited()
    {
        var response = await _admin.PutAsJsonAsync("/api/admin/departments/kikaku", new SaveDepartmentRequest("kikaku", "企画政策課"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var overview = await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin");
        Assert.Equal(("企画政策課", false), overview!.Departments.Where(d => d.Code == "kikaku").Select(d => (d.Name, d.IsSample)).Single());
        Assert.Contains(overview.RecentChanges, a => a.EntityType == "Department" && a.OldValue == "企画課（DX推進担当）" && a.NewValue == "企画政策課");
    }

    [Fact]
    public async Task HostileTextIsStoredAsTextOrRefusedNever500()
    {
        var script = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("x@city.example", "<script>alert(1)</script>'; DROP TABLE Users;--", AppRoles.Committee, [], true));
        var control = await _admin.PostAsJsonAsync("/api/admin/users", new SaveUserRequest("y@city.example", "bell\u0007", AppRoles.Committee, [], true));
        var huge = await _admin.PostAsJsonAsync("/api/admin/departments", new SaveDepartmentRequest("huge", new string('長', 5000)));

        Assert.Equal(HttpStatusCode.NoContent, script.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var stored = (await _admin.GetFromJsonAsync<AdminOverviewDto>("/api/admin"))!.Users.Single(u => u.LoginName == "x@city.example");
        Assert.Equal("<script>alert(1)</script>'; DROP TABLE Users;--", stored.DisplayName);
    }
}
