using Dashboard.Shared.Auth;

namespace Dashboard.Server.Features.Auth;

/// <summary>The city's sign-in settings (section <c>SignIn</c>, issue 23, decision 020).</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Local accounts (passwords kept here, with lockout and an authenticator app).</summary>
    public bool LocalAccounts { get; set; }

    /// <summary>Roles that must use an authenticator app with a local account; others may choose to.</summary>
    public AppRoles TwoFactorRequiredFor { get; set; } = AppRoles.Planner | AppRoles.Admin;

    /// <summary>Minutes without a request after which the sign-in ends (the cookie's sliding expiry).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>At most how often an open page reports that its person is active (typing, clicking) to keep the sign-in.</summary>
    public int AlivePingSeconds { get; set; } = 60;

    /// <summary>Days the sign-in log is kept.</summary>
    public int LogRetentionDays { get; set; } = 1095;

    public PasswordPolicy Password { get; set; } = new();

    public LockoutPolicy Lockout { get; set; } = new();

    public LdapOptions Ldap { get; set; } = new();

    /// <summary>Windows Integrated Authentication where the app is hosted on IIS or HTTP.sys (the groups map as for the directory).</summary>
    public WindowsSignInOptions Windows { get; set; } = new();
}

/// <summary>
/// Windows Integrated Authentication (<c>SignIn:Windows</c>): on IIS (in-process, Windows authentication on in
/// web.config) or HTTP.sys (Negotiate/NTLM, turned on here), a person signed in to a domain PC is signed in without a
/// form; their Windows groups map to roles and departments through <c>SignIn:Ldap:GroupRoles</c> and
/// <c>SignIn:Ldap:GroupDepartments</c>.
/// </summary>
public sealed class WindowsSignInOptions
{
    /// <summary>Offer 「Windows のサインインで入る」 and the /account/windows endpoint.</summary>
    public bool Enabled { get; set; }

    /// <summary>IIS (default: the host's own handler) or HttpSys (the app configures HTTP.sys with Negotiate and NTLM).</summary>
    public string Host { get; set; } = "IIS";
}

/// <summary>What a local password must be.</summary>
public sealed class PasswordPolicy
{
    public int MinimumLength { get; set; } = 12;
    public bool RequireDigit { get; set; } = true;
    public bool RequireLowercase { get; set; } = true;
    public bool RequireUppercase { get; set; } = true;
    public bool RequireSymbol { get; set; }

    /// <summary>How many earlier passwords may not be used again (0: no history).</summary>
    public int RememberLast { get; set; } = 5;
}

/// <summary>When wrong passwords lock an account.</summary>
public sealed class LockoutPolicy
{
    /// <summary>Wrong passwords (or codes) in a row that lock the account.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long the lock lasts unless the admin lifts it.</summary>
    public int Minutes { get; set; } = 30;
}

/// <summary>Active Directory (or another LDAP directory) for the sign-in form.</summary>
public sealed class LdapOptions
{
    /// <summary>The directory's host name; empty: no directory.</summary>
    public string? Host { get; set; }

    /// <summary>0: 636 for Ldaps, 389 otherwise.</summary>
    public int Port { get; set; }

    /// <summary>Ldaps, StartTls, or None (refused unless <see cref="AllowPlainLdap"/>).</summary>
    public string Security { get; set; } = "Ldaps";

    /// <summary>Plain LDAP sends the password readable on the network: only when the city says so explicitly.</summary>
    public bool AllowPlainLdap { get; set; }

    /// <summary>A folder of trusted CA certificates (PEM, hashed names as c_rehash makes) for the directory's certificate.</summary>
    public string? TrustedCertificatesDirectory { get; set; }

    /// <summary>What the bind uses for the typed name: <c>{0}@city.local</c> (AD) or <c>uid={0},ou=people,dc=city,dc=local</c>.</summary>
    public string BindNameFormat { get; set; } = "{0}";

    /// <summary>Where people are, and how one is found by the typed name, e.g. <c>(sAMAccountName={0})</c>.</summary>
    public string UserSearchBase { get; set; } = "";

    public string UserFilter { get; set; } = "(sAMAccountName={0})";

    /// <summary>The attribute with the person's name shown in the app.</summary>
    public string DisplayNameAttribute { get; set; } = "displayName";

    /// <summary>The attribute with the person's mail address, where notices are mailed (a login ID is no address).</summary>
    public string MailAttribute { get; set; } = "mail";

    /// <summary>
    /// Where groups are, and the filter for the person's groups ({0}: the person's DN). AD, with nested groups:
    /// <c>(member:1.2.840.113556.1.4.1941:={0})</c>.
    /// </summary>
    public string GroupSearchBase { get; set; } = "";

    public string GroupFilter { get; set; } = "(member={0})";

    /// <summary>Group (its CN or DN) → role names (SectionStaff, Committee, Planner, Admin).</summary>
    public Dictionary<string, string> GroupRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group (its CN or DN) → department code.</summary>
    public Dictionary<string, string> GroupDepartments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seconds to wait for the directory.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
