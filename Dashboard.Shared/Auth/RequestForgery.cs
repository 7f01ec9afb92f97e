namespace Dashboard.Shared.Auth;

/// <summary>How the browser proves a state-changing request comes from our own pages.</summary>
public static class RequestForgery
{
    /// <summary>The request header carrying the antiforgery token on every POST, PUT and DELETE to the API.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";
}
