using Dashboard.Client.Features.Admin;
using Dashboard.Client.Features.Auth;
using Dashboard.Client.Features.Entries;
using Dashboard.Client.Features.Exports;
using Dashboard.Client.Features.Plans;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Plans;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
builder.Services.AddAuthorizationCore(o => o.AddDashboardPolicies());
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();

// Same-origin requests carry the sign-in cookie; no token ever reaches the browser.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<IPlanService, ClientPlanService>();
builder.Services.AddScoped<IAdminService, ClientAdminService>();
builder.Services.AddScoped<IEntryService, ClientEntryService>();
builder.Services.AddScoped<IExportService, ClientExportService>();

await builder.Build().RunAsync();
