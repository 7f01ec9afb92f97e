using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Figures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Figures;

/// <summary>
/// The figures API's tokens (issue 25, decision 021): <c>dxf_</c> and 43 characters of base64url (256 random bits),
/// stored only as their SHA-256. A request carries one as <c>Authorization: Bearer dxf_...</c> and acts as the person
/// it was issued to, as section staff of its one department only: the entry rules then decide as for the form.
/// </summary>
public static class FigureTokens
{
    public const string Scheme = FiguresApi.TokenScheme;
    public const string Policy = Policies.FiguresToken;
    public const string TokenClaim = "dashboard/token";

    /// <summary>A new token's value.</summary>
    public static string New() => FiguresApi.TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a value has a token's shape (checked before any database work).</summary>
    public static bool IsWellFormed(string value) =>
        value.Length == FiguresApi.TokenLength && value.StartsWith(FiguresApi.TokenPrefix, StringComparison.Ordinal)
        && value.AsSpan(FiguresApi.TokenPrefix.Length).ToArray().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, FigureTokenHandler>(Scheme, null);
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(TokenClaim)));
    }
}

/// <summary>Reads the bearer token; a bad one is answered 401 with the reason in Japanese, and logged in the sign-in log.</summary>
public sealed class FigureTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private string? _problem;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            _problem = "Authorization: Bearer <トークン> が必要です。トークンは管理者が発行します。";
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var log = Context.RequestServices.GetRequiredService<SignInLog>();
        var address = PendingSignIn.AddressOf(Context);
        if (!FigureTokens.IsWellFormed(token))
        {
            return await FailAsync(log, address, null, "トークンの形式が違います（dxf_ で始まる47文字）。発行されたトークンをそのまま使ってください。");
        }

        var db = Context.RequestServices.GetRequiredService<DashboardDbContext>();
        var hash = FigureTokens.HashOf(token);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            return await FailAsync(log, address, null, "このトークンは登録されていません。");
        }

        if (row.RevokedUtc is not null)
        {
            return await FailAsync(log, address, row, "このトークンは取り消されています。管理者に新しいトークンの発行を依頼してください。");
        }

        if (row.ExpiresUtc <= now)
        {
            return await FailAsync(log, address, row, $"このトークンは {Dashboard.Shared.Fiscal.JapanTime.Format(row.ExpiresUtc)} に期限が切れました。管理者に新しいトークンの発行を依頼してください。");
        }

        var user = await db.Users.AsNoTracking().Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == row.UserId && u.IsActive, Context.RequestAborted);
        if (user is null || user.Departments.All(d => d.Code != row.DepartmentCode))
        {
            return await FailAsync(log, address, row, "このトークンの利用者は、無効になったか、トークンの課の担当ではなくなりました。");
        }

        await db.ApiTokens.Where(t => t.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now).SetProperty(t => t.Uses, t => t.Uses + 1), Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Upn, user.LoginName),
            new(ClaimTypes.Role, nameof(AppRoles.SectionStaff)),
            new(DashboardClaims.Department, row.DepartmentCode),
            new(DashboardClaims.Method, "Token"),
            new(FigureTokens.TokenClaim, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, FigureTokens.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, FigureTokens.Scheme));
    }

    private async Task<AuthenticateResult> FailAsync(SignInLog log, string? address, ApiToken? token, string problem)
    {
        _problem = problem;
        await log.WriteAsync(SignInEventKinds.Failure, "Token", token is null ? "" : $"トークン #{token.Id} {token.Name}", token?.UserId, address, problem,
            cancellationToken: Context.RequestAborted);
        return AuthenticateResult.Fail(problem);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResults.Unauthorized(_problem ?? "トークンが必要です。").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResults.Problem(Dashboard.Shared.Problems.OutcomeKind.Forbidden, "このトークンではこの操作はできません。").ExecuteAsync(Context);
}
