using System.Text.Json.Serialization;

namespace Dashboard.Shared.Auth;

/// <summary>What a person may do. A person may hold several.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<AppRoles>))]
public enum AppRoles
{
    /// <summary>No role: signed in, but no access yet.</summary>
    None = 0,

    /// <summary>各課の担当者: reports the KPIs of their departments.</summary>
    SectionStaff = 1,

    /// <summary>DX推進本部・幹事会: reads the dashboards.</summary>
    Committee = 2,

    /// <summary>企画・DX推進担当 (secretariat): reviews reports, maintains the plan, exports the Excel pack.</summary>
    Planner = 4,

    /// <summary>システム管理者: users, roles, departments; reopens closed quarters.</summary>
    Admin = 8,
}

/// <summary>Role names as they appear in claims and in Entra app roles.</summary>
public static class RoleNames
{
    /// <summary>Section staff.</summary>
    public const string SectionStaff = nameof(AppRoles.SectionStaff);

    /// <summary>Committee member.</summary>
    public const string Committee = nameof(AppRoles.Committee);

    /// <summary>Planner (secretariat).</summary>
    public const string Planner = nameof(AppRoles.Planner);

    /// <summary>Administrator.</summary>
    public const string Admin = nameof(AppRoles.Admin);

    /// <summary>Each single role, in order.</summary>
    public static IReadOnlyList<AppRoles> All { get; } = [AppRoles.SectionStaff, AppRoles.Committee, AppRoles.Planner, AppRoles.Admin];

    /// <summary>The single roles in <paramref name="roles"/>.</summary>
    public static IEnumerable<AppRoles> Split(AppRoles roles) => All.Where(r => roles.HasFlag(r));

    /// <summary>担当者, 委員, 企画・DX推進担当, 管理者.</summary>
    public static string Japanese(this AppRoles role) => role switch
    {
        AppRoles.SectionStaff => "各課の担当者",
        AppRoles.Committee => "推進本部・幹事会",
        AppRoles.Planner => "企画・DX推進担当",
        AppRoles.Admin => "システム管理者",
        AppRoles.None => "権限なし",
        _ => string.Join("・", Split(role).Select(r => r.Japanese())),
    };
}

/// <summary>Claim types the app adds to a signed-in person.</summary>
public static class DashboardClaims
{
    /// <summary>A department code the person reports for; one claim per department.</summary>
    public const string Department = "dashboard/department";

    /// <summary>Changes whenever an administrator changes the person, so that sessions pick it up.</summary>
    public const string SecurityStamp = "dashboard/stamp";

    /// <summary>The server-side session this sign-in belongs to; sign-out ends it.</summary>
    public const string Session = "dashboard/session";

    /// <summary>Roles that came from Entra app roles, kept so a refresh can merge them again.</summary>
    public const string EntraRole = "dashboard/entra-role";

    /// <summary>How this sign-in was made: Local, Ldap, Entra, Demo.</summary>
    public const string Method = "dashboard/method";

    /// <summary>The person's sign-in before this one: when (UTC, round-trip format) and from which address.</summary>
    public const string PreviousSignInUtc = "dashboard/previous-signin";

    /// <summary>The address of the person's sign-in before this one.</summary>
    public const string PreviousSignInAddress = "dashboard/previous-address";

    /// <summary>The claims a refresh from the database carries over from the sign-in.</summary>
    public static readonly IReadOnlyList<string> KeptOnRefresh = [Session, Method, PreviousSignInUtc, PreviousSignInAddress];
}
