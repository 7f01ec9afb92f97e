using Dashboard.Shared.Problems;
using Dashboard.Server.Features.Problems;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Dashboard.Server.Features.Security;

/// <summary>
/// Every request that changes something (API writes, sign-in, sign-out, the bell's forms) must come from our own pages: a browser's
/// Sec-Fetch-Site and Origin, when sent, must name this site, and the antiforgery token must be in the
/// <see cref="RequestForgery.HeaderName"/> header (API) or the form field (sign-in, sign-out, uploads). SameSite=Lax
/// alone let a cross-site form post close a quarter. Runs after authorization, so anonymous callers still get 401.
/// </summary>
public static class RequestForgeryGuard
{
    public static IServiceCollection AddRequestForgeryGuard(this IServiceCollection services) =>
        services.AddAntiforgery(o => o.HeaderName = RequestForgery.HeaderName);

    public static IApplicationBuilder UseRequestForgeryGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;

            // The interactive server circuit (negotiation and WebSocket): only from our own pages (cross-site
            // WebSocket hijacking). It carries no antiforgery token; the circuit itself needs a prerendered page.
            if (request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase) && IsCrossSite(request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
                || !(request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
                    || request.Path.StartsWithSegments("/notifications", StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            // A script with a figures API token (decision 021): no cookie rides along, so no other site can forge it.
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: Dashboard.Shared.Figures.FiguresApi.TokenScheme })
            {
                await next(context);
                return;
            }

            if (IsCrossSite(request))
            {
                await ProblemResults.Problem(OutcomeKind.Forbidden,
                    "別のサイトからの操作は受け付けません。このダッシュボードの画面から操作してください。 Requests from other sites are refused.").ExecuteAsync(context);
                return;
            }

            // Form endpoints were already checked by UseAntiforgery; its verdict stands (reading the form again would throw).
            var valid = context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedForm
                ? checkedForm.IsValid
                : await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
            if (!valid)
            {
                await ProblemResults.Invalid("",
                    "画面の有効期限が切れました。画面を読み込み直してから、もう一度操作してください。入力した内容は控えておいてください。 The page has expired; reload it and try again.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    /// <summary>What the browser says of where the request comes from; a client that says nothing is judged by its token.</summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
