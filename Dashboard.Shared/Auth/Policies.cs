namespace Dashboard.Shared.Auth;

/// <summary>
/// The authorization policies, defined once: each names the roles that satisfy it. The server's endpoints and pages
/// and the WebAssembly pages use these names; the authorization tests read the same table.
/// </summary>
public static class Policies
{
    /// <summary>Any of our roles: read the plan and the dashboards.</summary>
    public const string ViewDashboards = nameof(ViewDashboards);

    /// <summary>Enter quarterly figures (for one's own departments).</summary>
    public const string EnterFigures = nameof(EnterFigures);

    /// <summary>
    /// Read unapproved entries (下書き, 提出済, 差戻し) and their notes: the owning department's staff, the reviewers and
    /// the admin (department-scoped for staff).
    /// </summary>
    public const string ReadEntries = nameof(ReadEntries);

    /// <summary>Review submissions and close quarters (secretariat).</summary>
    public const string Review = nameof(Review);

    /// <summary>Maintain the plan and export the Excel pack.</summary>
    public const string MaintainPlan = nameof(MaintainPlan);

    /// <summary>Users, roles, departments.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Receive and download the meeting packs sent before each 推進本部 meeting: the committee, the secretariat, the admin.</summary>
    public const string ReceivePacks = nameof(ReceivePacks);

    /// <summary>
    /// The figures API (decision 021): only a request with an admin-issued token satisfies it, whatever the roles of a
    /// signed-in person; it is not in <see cref="Roles"/>.
    /// </summary>
    public const string FiguresToken = nameof(FiguresToken);

    /// <summary>Policy name to the roles that satisfy it.</summary>
    public static IReadOnlyDictionary<string, AppRoles> Roles { get; } = new Dictionary<string, AppRoles>
    {
        [ViewDashboards] = AppRoles.SectionStaff | AppRoles.Committee | AppRoles.Planner | AppRoles.Admin,
        [EnterFigures] = AppRoles.SectionStaff | AppRoles.Admin,
        [ReadEntries] = AppRoles.SectionStaff | AppRoles.Planner | AppRoles.Admin,
        [Review] = AppRoles.Planner | AppRoles.Admin,
        [MaintainPlan] = AppRoles.Planner | AppRoles.Admin,
        [Administer] = AppRoles.Admin,
        [ReceivePacks] = AppRoles.Committee | AppRoles.Planner | AppRoles.Admin,
    };

    /// <summary>Whether someone holding <paramref name="held"/> satisfies <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, AppRoles held) => (Roles[policy] & held) != AppRoles.None;
}
