using AngleSharp.Dom;
using Dashboard.Client.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Client.Tests;

/// <summary>What every component test here sets up the way both hosts do, and the one way to choose in a MudSelect.</summary>
internal static class MudComponents
{
    /// <summary>
    /// A bUnit context with MudBlazor's services, its own words taken from UiText (as both hosts register them), and
    /// localization. JavaScript calls are answered loosely: MudBlazor's scripts do not run here.
    /// </summary>
    public static BunitContext NewContext()
    {
        // A wait returns as soon as its condition holds; the long bound is for a loaded CI machine, where the renderer's
        // dispatcher did not get to check a condition within bUnit's default second (seen once in CI).
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddTransient<MudLocalizer, UiTextMudLocalizer>();
        ctx.Services.AddLocalization();
        return ctx;
    }

    /// <summary>
    /// Opens the select that <paramref name="field"/> belongs to and chooses its first item. Returns once the list has
    /// closed: the select hands the choice to the form only then, and a save pressed earlier goes without it.
    /// </summary>
    public static void ChooseFirst(IRenderedComponent<MudPopoverProvider> popovers, IElement field)
    {
        (field.Closest(".mud-input-control") ?? field).MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        popovers.FindAll(".mud-popover-open .mud-list-item")[0].Click();
        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-popover-open .mud-list-item")));
    }
}
