using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Features.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Administer);
        group.MapGet("/", GetAdminOverview).WithName(nameof(GetAdminOverview)).WithSummary("Users, departments and recent changes.");
        group.MapPost("/users", CreateUser).WithName(nameof(CreateUser)).WithSummary("Adds a person.");
        group.MapPut("/users/{id:int}", UpdateUser).WithName(nameof(UpdateUser)).WithSummary("Changes a person's name, roles, departments or status.");
        group.MapPost("/users/{id:int}/temporary-password", IssueTemporaryPassword).WithName(nameof(IssueTemporaryPassword))
            .WithSummary("Issues a temporary password (shown once) that must be changed at the next sign-in.");
        group.MapPost("/users/{id:int}/unlock", Unlock).WithName(nameof(Unlock)).WithSummary("Lifts a lock from wrong passwords.");
        group.MapPost("/users/{id:int}/reset-two-factor", ResetTwoFactor).WithName(nameof(ResetTwoFactor)).WithSummary("Removes a person's authenticator app.");
        group.MapGet("/signin-log", GetSignInLog).WithName(nameof(GetSignInLog)).WithSummary("The sign-in log, newest first (500 lines).");
        group.MapGet("/signin-log.csv", DownloadSignInLog).WithName(nameof(DownloadSignInLog)).WithSummary("The whole selected sign-in log as CSV (UTF-8 with BOM).");
        group.MapGet("/tokens", GetTokens).WithName(nameof(GetTokens)).WithSummary("The figures API's tokens (never their values).");
        group.MapPost("/tokens", IssueToken).WithName(nameof(IssueToken)).WithSummary("Issues a figures API token, shown once in the answer.");
        group.MapPost("/tokens/{id:int}/revoke", RevokeToken).WithName(nameof(RevokeToken)).WithSummary("Revokes a token at once.");
        group.MapPost("/departments", CreateDepartment).WithName(nameof(CreateDepartment)).WithSummary("Adds a department.");
        group.MapPut("/departments/{code}", UpdateDepartment).WithName(nameof(UpdateDepartment)).WithSummary("Renames a department.");
        return app;
    }

    public static async Task<Ok<AdminOverviewDto>> GetAdminOverview(IAdminService admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.GetOverviewAsync(cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CreateUser(SaveUserRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.CreateUserAsync(request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateUser(int id, SaveUserRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.UpdateUserAsync(id, request, cancellationToken));

    public static async Task<Results<Ok<TemporaryPasswordDto>, ValidationProblem, ProblemHttpResult>> IssueTemporaryPassword(int id, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.IssueTemporaryPasswordAsync(id, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Unlock(int id, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.UnlockAsync(id, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetTwoFactor(int id, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.ResetTwoFactorAsync(id, cancellationToken));

    public static async Task<Ok<SignInLogDto>> GetSignInLog(DateTime? from, DateTime? to, string? login, string? kind, IAdminService admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.GetSignInLogAsync(new SignInLogQuery(Utc(from), Utc(to), login, kind), cancellationToken));

    /// <summary>Every selected line, streamed: a year of a city's sign-ins is a few hundred thousand rows.</summary>
    public static async Task DownloadSignInLog(DateTime? from, DateTime? to, string? login, string? kind, Dashboard.Server.Data.DashboardDbContext db, HttpContext http)
    {
        var query = new SignInLogQuery(Utc(from), Utc(to), login, kind);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, http.RequestAborted);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"signin-log.csv\"; filename*=UTF-8''" + Uri.EscapeDataString("サインイン記録.csv");
        await Auth.SignInLog.WriteCsvAsync(Auth.SignInLog.Select(db, query).AsAsyncEnumerable(), id => id is { } u ? names.GetValueOrDefault(u) : null,
            http.Response.Body, http.RequestAborted);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;

    public static async Task<Ok<IReadOnlyList<ApiTokenDto>>> GetTokens(IAdminService admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.GetTokensAsync(cancellationToken));

    public static async Task<Results<Ok<IssuedTokenDto>, ValidationProblem, ProblemHttpResult>> IssueToken(IssueTokenRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.IssueTokenAsync(request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeToken(int id, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.RevokeTokenAsync(id, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CreateDepartment(SaveDepartmentRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.CreateDepartmentAsync(request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateDepartment(string code, SaveDepartmentRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.UpdateDepartmentAsync(code, request, cancellationToken));
}
