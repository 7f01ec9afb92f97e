using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Problems;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Features.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Administer);
        group.MapGet("/", GetAdminOverview).WithName(nameof(GetAdminOverview)).WithSummary("Users, departments and recent changes.");
        group.MapPost("/users", CreateUser).WithName(nameof(CreateUser)).WithSummary("Adds a person.");
        group.MapPut("/users/{id:int}", UpdateUser).WithName(nameof(UpdateUser)).WithSummary("Changes a person's name, roles, departments or status.");
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

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CreateDepartment(SaveDepartmentRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.CreateDepartmentAsync(request, cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateDepartment(string code, SaveDepartmentRequest request, IAdminService admin, CancellationToken cancellationToken) =>
        ProblemResults.ToHttp(await admin.UpdateDepartmentAsync(code, request, cancellationToken));
}
