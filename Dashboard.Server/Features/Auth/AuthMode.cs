namespace Dashboard.Server.Features.Auth;

/// <summary>How people sign in: Entra ID when AzureAd settings are present, else the local demo sign-in (Development only).</summary>
public sealed record AuthMode(bool UsesEntra)
{
    public const string AzureAdSection = "AzureAd";

    public bool UsesLocalSignIn => !UsesEntra;

    /// <summary>Decides the mode, refusing to run open: without AzureAd settings only Development may start.</summary>
    public static AuthMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{AzureAdSection}:ClientId"]))
        {
            return new AuthMode(UsesEntra: true);
        }

        if (environment.IsDevelopment())
        {
            return new AuthMode(UsesEntra: false);
        }

        throw new InvalidOperationException(
            $"AzureAd の設定（AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId）がありません。{environment.EnvironmentName} 環境では " +
            "Entra ID でのサインインが必要なため、起動を中止します。デモ用のローカルサインインは Development 環境でだけ使えます。 " +
            $"No AzureAd settings: the {environment.EnvironmentName} environment requires Entra ID sign-in, so the app will not start " +
            "(the local demo sign-in exists in Development only).");
    }
}
