namespace Dashboard.Server.Features.Auth;

/// <summary>
/// How people sign in (issue 23): Entra ID when AzureAd settings are present, local accounts when
/// SignIn:LocalAccounts is on, Active Directory when SignIn:Ldap:Host is set, Windows Integrated Authentication when
/// SignIn:Windows:Enabled is on (IIS or HTTP.sys); several may be on at once. The demo
/// sign-in (pick a person from a list) exists in Development only.
/// </summary>
public sealed record AuthMode(bool UsesEntra, bool UsesLocalAccounts = false, bool UsesLdap = false, bool UsesDemo = false, bool UsesWindows = false)
{
    public const string AzureAdSection = "AzureAd";

    /// <summary>Whether the sign-in form asks for a name and a password (local accounts or the directory).</summary>
    public bool UsesPasswordForm => UsesLocalAccounts || UsesLdap;

    /// <summary>Decides the mode, refusing to run open: outside Development one real way to sign in is required.</summary>
    public static AuthMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var entra = !string.IsNullOrWhiteSpace(configuration[$"{AzureAdSection}:ClientId"]);
        var local = configuration.GetValue($"{SignInOptions.Section}:LocalAccounts", false);
        var ldap = !string.IsNullOrWhiteSpace(configuration[$"{SignInOptions.Section}:Ldap:Host"]);
        var windows = configuration.GetValue($"{SignInOptions.Section}:Windows:Enabled", false);
        // The demo list stays in Development, beside any real way (the browser tests sign the admin in with it);
        // SignIn:Demo=false turns it off there too.
        var demo = environment.IsDevelopment() && configuration.GetValue($"{SignInOptions.Section}:Demo", true);
        if (entra || local || ldap || windows || demo)
        {
            return new AuthMode(entra, local, ldap, demo, windows);
        }

        throw new InvalidOperationException(
            $"サインインの方法が設定されていません。{environment.EnvironmentName} 環境では、Entra ID（AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId）、" +
            "Active Directory（SignIn:Ldap:Host ほか）、Windows 統合認証（SignIn:Windows:Enabled=true）、ローカルアカウント（SignIn:LocalAccounts=true）のどれかが必要なため、起動を中止します。" +
            "デモ用のサインインは Development 環境でだけ使えます。 " +
            $"No way to sign in is configured: the {environment.EnvironmentName} environment needs Entra ID (AzureAd settings), " +
            "Active Directory (SignIn:Ldap:Host), Windows Integrated Authentication (SignIn:Windows:Enabled=true) or local accounts (SignIn:LocalAccounts=true), so the app will not start " +
            "(the demo sign-in exists in Development only).");
    }
}
