using Dashboard.Server.Components;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Plans;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents();
builder.Services.AddMudServices();

// Prerendered Japanese goes out as characters, not as &#x...; entities (a third of the bytes, and readable).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();

builder.Services.AddDashboardData();
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.AddScoped<SeedLoader>();
builder.Services.AddScoped<IPlanService, ServerPlanService>();

var app = builder.Build();

try
{
    await app.Services.InitializeDatabaseAsync();
}
catch (SeedDataException ex)
{
    // One line an administrator can act on, instead of a stack trace; nothing was written (one transaction).
    app.Logger.LogCritical("seed-data の読み込みに失敗しました。起動を中止します。 Seed data is invalid; start-up stopped. {Message}", ex.Message);
    return 1;
}

if (app.Environment.IsDevelopment())
{
    app.UseWebAssemblyDebugging();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPlanEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(Dashboard.Client._Imports).Assembly);

await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
