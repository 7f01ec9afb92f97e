using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Data;

/// <summary>
/// A person's local password, lockout and authenticator (ASP.NET Core Identity), one to one with <see cref="AppUser"/>
/// and sharing its id. People, roles and departments stay on <see cref="AppUser"/>; this row only proves who they are.
/// </summary>
public sealed class LocalAccount : IdentityUser<int>
{
    /// <summary>Set when the admin issues a temporary password: the next sign-in must change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The last authenticator code accepted, and when: the same code is refused a second time.</summary>
    public string? LastTotpCode { get; set; }

    public DateTime? LastTotpUtc { get; set; }
}

/// <summary>A password a person had, hashed: the password policy refuses the last N again.</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// One line of the sign-in log (issue 23): successes, failures with their reason, lockouts, password and second-factor
/// changes, role changes. Append-only; rows older than the retention are removed.
/// </summary>
public sealed class SignInEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The person, when known (a failure for a name nobody has carries none).</summary>
    public int? UserId { get; set; }

    /// <summary>The name as typed or as known.</summary>
    public required string LoginName { get; set; }

    /// <summary>Local, Ldap, Windows, Entra, Demo.</summary>
    public required string Method { get; set; }

    /// <summary>A <see cref="Dashboard.Shared.Admin.SignInEventKinds"/> value.</summary>
    public required string Kind { get; set; }

    /// <summary>Why a sign-in failed, or what changed.</summary>
    public string? Detail { get; set; }

    /// <summary>The client's address.</summary>
    public string? Address { get; set; }

    /// <summary>Who made the change, when it was someone else (the admin).</summary>
    public string? Actor { get; set; }
}

/// <summary>
/// An access token for the figures API (issue 25): issued by the admin to a person for one department, shown once,
/// stored as a SHA-256 hash, with an expiry; revoked tokens stay listed.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int UserId { get; set; }
    public required string DepartmentCode { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's last four characters, to tell tokens apart on the admin page.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public int Uses { get; set; }
}
