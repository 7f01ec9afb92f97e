namespace Dashboard.Shared.Admin;

/// <summary>What the sign-in log records (issue 23).</summary>
public static class SignInEventKinds
{
    /// <summary>A sign-in that completed.</summary>
    public const string Success = "Success";
    /// <summary>A sign-in refused (the detail says why).</summary>
    public const string Failure = "Failure";
    /// <summary>Wrong passwords or codes locked the account.</summary>
    public const string Lockout = "Lockout";
    /// <summary>The admin lifted a lock.</summary>
    public const string Unlocked = "Unlocked";
    /// <summary>A sign-out.</summary>
    public const string SignOut = "SignOut";
    /// <summary>A person changed their password.</summary>
    public const string PasswordChanged = "PasswordChanged";
    /// <summary>The admin issued a temporary password.</summary>
    public const string TemporaryPassword = "TemporaryPassword";
    /// <summary>A person enrolled an authenticator app.</summary>
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    /// <summary>The admin removed a person's authenticator.</summary>
    public const string TwoFactorReset = "TwoFactorReset";
    /// <summary>A recovery code was used in place of the app.</summary>
    public const string RecoveryCodeUsed = "RecoveryCodeUsed";
    /// <summary>A person's roles or departments changed.</summary>
    public const string RoleChanged = "RoleChanged";

    /// <summary>Every kind, in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Success, Failure, Lockout, Unlocked, SignOut, PasswordChanged, TemporaryPassword, TwoFactorEnabled, TwoFactorReset, RecoveryCodeUsed, RoleChanged];
}

/// <summary>How a person signs in, as the admin page shows it.</summary>
/// <param name="Methods">Local, Ldap, Entra, Demo: what the person has used or may use.</param>
/// <param name="HasPassword">A local password is set.</param>
/// <param name="TwoFactor">An authenticator app is enrolled.</param>
/// <param name="LockedUntilUtc">Locked by wrong passwords until then.</param>
/// <param name="MustChangePassword">A temporary password waits to be changed.</param>
/// <param name="LastSignInUtc">The last successful sign-in.</param>
public sealed record UserSignInDto(IReadOnlyList<string> Methods, bool HasPassword, bool TwoFactor, DateTime? LockedUntilUtc, bool MustChangePassword, DateTime? LastSignInUtc);

/// <summary>A temporary password, shown to the admin once.</summary>
public sealed record TemporaryPasswordDto(string LoginName, string Password);

/// <summary>Which lines of the sign-in log.</summary>
/// <param name="FromUtc">From (inclusive).</param>
/// <param name="ToUtc">To (exclusive).</param>
/// <param name="Login">Part of a login name.</param>
/// <param name="Kind">One of <see cref="SignInEventKinds"/>.</param>
public sealed record SignInLogQuery(DateTime? FromUtc = null, DateTime? ToUtc = null, string? Login = null, string? Kind = null);

/// <summary>One line of the sign-in log.</summary>
public sealed record SignInEventDto(DateTime AtUtc, string LoginName, string? DisplayName, string Method, string Kind, string? Detail, string? Address, string? Actor);

/// <summary>The lines asked for, newest first, and how many there are in all.</summary>
public sealed record SignInLogDto(IReadOnlyList<SignInEventDto> Events, int Total);

/// <summary>The sign-in log's query string, shared by the page's CSV link and the HTTP client.</summary>
public static class SignInLogAddress
{
    /// <summary>The CSV download.</summary>
    public const string Csv = "api/admin/signin-log.csv";

    /// <summary><c>?from=...&amp;to=...&amp;login=...&amp;kind=...</c> for the set parts of a query (times in UTC, round-trip format).</summary>
    public static string Query(SignInLogQuery query)
    {
        var parts = new List<string>();
        if (query.FromUtc is { } from)
        {
            parts.Add("from=" + Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (query.ToUtc is { } to)
        {
            parts.Add("to=" + Uri.EscapeDataString(to.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(query.Login))
        {
            parts.Add("login=" + Uri.EscapeDataString(query.Login.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            parts.Add("kind=" + Uri.EscapeDataString(query.Kind));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>Issue a figures API token to a person for one of their departments.</summary>
/// <param name="UserId">The person whose name the figures are saved under.</param>
/// <param name="DepartmentCode">The one department whose KPIs the token may send.</param>
/// <param name="Name">What it is for (e.g. 住基システム連携).</param>
/// <param name="Days">Days until it expires (1-400).</param>
public sealed record IssueTokenRequest(int UserId, string DepartmentCode, string Name, int Days);

/// <summary>A token just issued: the only time its value is shown.</summary>
public sealed record IssuedTokenDto(int Id, string Token, DateTime ExpiresUtc);

/// <summary>A token as the admin page lists it (never its value).</summary>
public sealed record ApiTokenDto(int Id, string Name, string LoginName, string DisplayName, string DepartmentCode, string Hint, DateTime CreatedUtc,
    DateTime ExpiresUtc, DateTime? RevokedUtc, DateTime? LastUsedUtc, int Uses);
