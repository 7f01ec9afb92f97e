using Dashboard.Client.Features.Notifications;
using Dashboard.Client.Features.Review;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Review;
using System.Globalization;
using Dashboard.Client.Features.Admin;
using Dashboard.Client.Features.Auth;
using Dashboard.Client.Features.Dashboards;
using Dashboard.Client.Features.Entries;
using Dashboard.Client.Features.Exports;
using Dashboard.Client.Features.Plans;
using Dashboard.Client.Layout;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;
using MudBlazor.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
// MudBlazor's own words (required-field message, close buttons' labels) in the page's language, from UiText.
builder.Services.AddTransient<MudBlazor.MudLocalizer, Dashboard.Client.Localization.UiTextMudLocalizer>();
builder.Services.AddLocalization();
builder.Services.AddAuthorizationCore(o => o.AddDashboardPolicies());
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();

// Same-origin requests carry the sign-in cookie (no bearer token reaches the browser) and, when they change
// something, the antiforgery token of the page.
builder.Services.AddScoped(sp => new HttpClient(new AntiforgeryHandler(sp.GetRequiredService<AntiforgeryStateProvider>()))
{
    BaseAddress = new Uri(builder.HostEnvironment.BaseAddress),
});
builder.Services.AddScoped<IPlanService, ClientPlanService>();
builder.Services.AddScoped<IAdminService, ClientAdminService>();
builder.Services.AddScoped<IEntryService, ClientEntryService>();
builder.Services.AddScoped<IReviewService, ClientReviewService>();
builder.Services.AddScoped<Dashboard.Shared.Threads.IThreadService, Dashboard.Client.Features.Threads.ClientThreadService>();
builder.Services.AddScoped<Dashboard.Shared.Findings.IFindingService, Dashboard.Client.Features.Findings.ClientFindingService>();
builder.Services.AddScoped<Dashboard.Shared.Exports.IScheduledPackService, Dashboard.Client.Features.Exports.ClientScheduledPackService>();
builder.Services.AddScoped<INotificationService, ClientNotificationService>();
builder.Services.AddScoped<IExportService, ClientExportService>();
builder.Services.AddScoped<IDashboardService, ClientDashboardService>();
builder.Services.AddScoped<Dashboard.Shared.Assessments.IAssessmentService, Dashboard.Client.Features.Assessments.ClientAssessmentService>();
builder.Services.AddScoped<Dashboard.Shared.Publishing.IPublishingService, Dashboard.Client.Features.Publishing.ClientPublishingService>();
builder.Services.AddSingleton<UiPreferences>();

var host = builder.Build();

// The server prerendered the page in the person's language and theme and wrote them on <html>; WebAssembly takes
// the same, before it starts, so its resources load for that culture and the first interactive render matches.
var js = host.Services.GetRequiredService<IJSRuntime>();
await using (var module = await js.InvokeAsync<IJSObjectReference>("import", "./Layout/PreferencesMenu.razor.js"))
{
    var chosen = await module.InvokeAsync<string[]>("read");
    var culture = new CultureInfo(UiPreferences.CultureOf(chosen[0]));
    CultureInfo.DefaultThreadCurrentCulture = culture;
    CultureInfo.DefaultThreadCurrentUICulture = culture;
    host.Services.GetRequiredService<UiPreferences>().DarkMode = chosen[1] == "dark";
}

await host.RunAsync();
