using Dashboard.Shared.Auth;

namespace Dashboard.Server.Data;

/// <summary>A person who may sign in. With Entra ID the match is by object id, else by login name (UPN).</summary>
public sealed class AppUser
{
    public int Id { get; set; }
    public required string LoginName { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>
    /// Where notices are mailed when the login is not an address itself (a login ID like <c>yamada</c>): from the
    /// directory's mail attribute at each sign-in, or typed by the admin. Null: the login if it is an address, else no mail.
    /// </summary>
    public string? Email { get; set; }

    public string? EntraObjectId { get; set; }
    public AppRoles Roles { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();
    public DateTime CreatedUtc { get; set; }
    public List<Department> Departments { get; set; } = [];
}

/// <summary>
/// A signed-in session: its id travels in the sign-in cookie, and sign-out ends it here, so a copy of the cookie
/// stops working at once on every instance (the cookie alone would stay valid for its sliding 8 hours).
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EndedUtc { get; set; }

    /// <summary>The last activity the person's browser reported (<c>/account/alive</c>): an open page's idle time-out.</summary>
    public DateTime? LastSeenUtc { get; set; }
}

/// <summary>One changed field, recorded append-only: who, when, what, old and new value, why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}
