using Dashboard.Server.Components;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Plans;
using Dashboard.Shared.Plans;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();

builder.Services.AddDashboardData(builder.Configuration, builder.Environment);
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
    Console.Error.WriteLine($"起動を中止しました (start-up stopped): {ex.Message}");
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
