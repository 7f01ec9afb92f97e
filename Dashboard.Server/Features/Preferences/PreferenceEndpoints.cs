using Dashboard.Server.Features.Problems;
using System.Globalization;
using Dashboard.Client.Layout;
using Dashboard.Server.Features.Security;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Server.Features.Preferences;

/// <summary>Language and theme: cookies read on every request, so the prerendered HTML is already in the person's choice.</summary>
public static class PreferenceEndpoints
{
    public static IServiceCollection AddUiPreferences(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = UiPreferences.Languages.Select(l => new CultureInfo(UiPreferences.CultureOf(l))).ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Only the person's own choice counts; Japanese otherwise, whatever the browser asks for.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddScoped(sp => new UiPreferences
        {
            DarkMode = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Cookies[UiPreferences.ThemeCookie] == "dark",
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: the sign-in page offers the switch too. It only sets a cookie and goes back.
        app.MapGet("/preferences/language", SetLanguage).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/preferences/theme", SetTheme).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static IResult SetLanguage(HttpContext context, string? lang, string? returnUrl)
    {
        var language = UiPreferences.Languages.Contains(lang) ? lang! : UiPreferences.Languages[0];
        var culture = UiPreferences.CultureOf(language);
        Remember(context, CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
        return BackTo(returnUrl);
    }

    public static IResult SetTheme(HttpContext context, string? mode, string? returnUrl)
    {
        Remember(context, UiPreferences.ThemeCookie, mode == "dark" ? "dark" : "light");
        return BackTo(returnUrl);
    }

    // A display choice, kept for a year; the browser's script writes the theme one too, so not HttpOnly.
    private static void Remember(HttpContext context, string name, string value) =>
        context.Response.Cookies.Append(name, value,
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true, Path = "/" });

    // Only back into this app: an absolute or protocol-relative address falls back to the start page; one with
    // control characters is not an address a page of ours makes, so it is refused.
    private static IResult BackTo(string? returnUrl) => LocalUrl.Classify(returnUrl) switch
    {
        LocalUrlKind.Local => TypedResults.Redirect(returnUrl!),
        LocalUrlKind.Foreign => TypedResults.Redirect("/"),
        _ => ProblemResults.Invalid("returnUrl",
            "戻り先のアドレスが正しくありません。戻り先（returnUrl）に制御文字が含まれています。画面のリンクから切り替えてください。 The return address contains control characters."),
    };
}
