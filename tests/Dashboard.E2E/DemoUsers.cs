namespace Dashboard.E2E;

/// <summary>The people in seed-data/demo-users.json.</summary>
public static class DemoUsers
{
    public const string StaffKikaku = "tanaka@demo.local";
    public const string StaffKaikei = "sato@demo.local";
    public const string Committee = "suzuki@demo.local";
    public const string Planner = "takahashi@demo.local";
    public const string Admin = "ito@demo.local";
}
