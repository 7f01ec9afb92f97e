using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dashboard.Client.Layout;
using Dashboard.Server.Components;
using Dashboard.Server.Data;
using Dashboard.Server.Data.Seeding;
using Dashboard.Server.Features.Admin;
using Dashboard.Server.Features.Assessments;
using Dashboard.Server.Features.Auth;
using Dashboard.Server.Features.Dashboards;
using Dashboard.Server.Features.Entries;
using Dashboard.Server.Features.Exports;
using Dashboard.Server.Features.Figures;
using Dashboard.Server.Features.Notifications;
using Dashboard.Server.Features.Operations;
using Dashboard.Server.Features.Plans;
using Dashboard.Server.Features.Preferences;
using Dashboard.Server.Features.Publishing;
using Dashboard.Server.Features.Review;
using Dashboard.Server.Features.Security;
using Dashboard.Server.Features.Threads;
using Dashboard.Server.Features.Findings;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Dashboards;
using Dashboard.Shared.Entries;
using Dashboard.Shared.Exports;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Review;
using Dashboard.Shared.Threads;
using MudBlazor.Services;

// `backup`, `restore <file>` and `add-admin <login> <name>` are commands for the operator, not settings: taken off
// before configuration reads args.
var command = OperatorCommands.Take(ref args);

// Japanese first: what answers no person who chose English (background jobs, mails, operator commands) is in Japanese
// whatever the host's locale; a request or circuit takes the person's language from the culture cookie.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = new CultureInfo(UiPreferences.CultureOf("ja"));
var builder = WebApplication.CreateBuilder(args);

// One log entry a line: values from requests cannot forge entries with CR/LF (Logging:Format=Json for a collector).
builder.AddDashboardConsole();

// Say nothing of the server software.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

AuthMode authMode;
try
{
    authMode = builder.AddDashboardAuth();
    WindowsSignIn.UseHostIfConfigured(builder);
}
catch (InvalidOperationException ex)
{
    // Refuse to run open; say why in one line.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

builder.Services.AddRazorComponents()
    // The circuit's first message carries the prerendered pages' persisted state (the plan page's is about 53 KB of
    // base64 for the real plan, ten times that for a 10x plan); SignalR's 32 KB default refused it.
    .AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 1024 * 1024)
    .AddInteractiveWebAssemblyComponents()
    .AddAuthenticationStateSerialization(o => o.SerializeAllClaims = true);
builder.Services.AddOptions<InteractivityOptions>().BindConfiguration(InteractivityOptions.Section)
    .Validate(o => o.IsKnown, "Interactivity:RenderMode must be Server, Auto or WebAssembly.").ValidateOnStart();
builder.Services.AddMudServices();
// MudBlazor's own words (required-field message, close buttons' labels) in the page's language, from UiText.
builder.Services.AddTransient<MudBlazor.MudLocalizer, Dashboard.Client.Localization.UiTextMudLocalizer>();
builder.Services.AddProblemDetails();

// A request the endpoints cannot bind (bad JSON, a malformed form) is a plain 400 in every environment: thrown, it
// reached Development's exception page, which lists the request's headers and cookies.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddRequestForgeryGuard();

// Prerendered Japanese goes out as characters, not as &#x...; entities (a third of the bytes, and readable).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

builder.Services.AddDashboardData();
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.PostConfigure<SeedOptions>(o => o.LoadDemoUsers = authMode.UsesDemo);
builder.Services.AddScoped<SeedLoader>();
builder.Services.AddScoped<PlanQuarters>();
builder.Services.AddSingleton<Dashboard.Server.Features.Plans.IPlanWorkbookFormat, Dashboard.Server.Features.Exports.PlanWorkbookFormat>();
builder.Services.AddScoped<IPlanService, ServerPlanService>();
builder.Services.AddScoped<IAdminService, ServerAdminService>();
builder.Services.AddScoped<IEntryService, ServerEntryService>();
builder.Services.AddScoped<IReviewService, ServerReviewService>();
builder.Services.AddScoped<IThreadService, ServerThreadService>();
builder.Services.AddScoped<Dashboard.Shared.Findings.IFindingService, Dashboard.Server.Features.Findings.ServerFindingService>();
builder.Services.AddSingleton<KeptNotices>();
builder.Services.AddScoped<INotificationService, ServerNotificationService>();
builder.Services.AddScoped<CollectionNotices>();
builder.Services.AddScoped<ReminderScheduler>();
builder.Services.AddScoped<FindingReminders>();
builder.Services.AddScoped<Dashboard.Server.Features.Exports.ScheduledPackRound>();
builder.Services.AddScoped<Dashboard.Server.Features.Exports.ServerScheduledPackService>();
builder.Services.AddScoped<Dashboard.Shared.Exports.IScheduledPackService>(sp => sp.GetRequiredService<Dashboard.Server.Features.Exports.ServerScheduledPackService>());
builder.Services.AddScoped<MailPump>();
builder.Services.AddSingleton<MailHealth>();
builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section))
    .Validate(o => MailOptions.IsKnownSecurity(o.Security), "Notifications:Mail:Security must be None, StartTls, SslOnConnect or Auto.")
    .Validate(o => o.Port is > 0 and < 65536, "Notifications:Mail:Port must be 1-65535.")
    .ValidateOnStart();
builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
builder.Services.AddHostedService<ReminderService>();
builder.Services.AddScoped<IExportService, ServerExportService>();
builder.Services.AddSingleton<DashboardViewCache>();
builder.Services.AddSingleton<Dashboard.Client.Features.Dashboards.IRenderedFragments, RenderedFragments>();
builder.Services.AddScoped<ServerDashboardService>();
builder.Services.AddScoped<IDashboardService>(sp => sp.GetRequiredService<ServerDashboardService>());
builder.Services.AddScoped<Dashboard.Shared.Assessments.IAssessmentService, ServerAssessmentService>();
builder.Services.AddDashboardHealth(builder.Configuration);
builder.Services.AddFigures();
builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
builder.Services.AddSingleton<SqliteBackups>();
builder.Services.AddHostedService<BackupScheduler>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddUiPreferences();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<Dashboard.Server.Features.Audit.AuditWriter>();
builder.Services.AddPublicPages(builder.Configuration);
builder.Services.AddResponseCompression(options =>
{
    // Only what carries no secret next to reflected input (BREACH): API JSON and the public pages and files. Signed-in
    // HTML pages carry antiforgery tokens and stay uncompressed; static files are precompressed at build time.
    options.EnableForHttps = true;
    options.MimeTypes = ["application/json", "application/problem+json", "text/html", "text/csv", "application/ld+json"];
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
});
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

// Disposed on every way out, early returns included: the console logger writes from a queue, and a message logged
// just before an early exit (an invalid seed file) was lost when the process ended first (seen once in CI).
await using var app = builder.Build();

// Operators' commands (README): `backup` takes a generation now, `restore <file>` puts a checked one back (app stopped).
// A SQLite database that fails its check stops start-up with one line saying how to restore.
if (command is [not "add-admin", ..])
{
    return OperatorCommands.Run(app.Services, command);
}

if (OperatorCommands.DamagedDatabase(app.Services) is { } damaged)
{
    Console.Error.WriteLine(damaged);
    return 3;
}

// A running app marks its SQLite database in use, so `restore` refuses to run under it (README, "Backup and restore").
IDisposable? inUse;
try
{
    inUse = app.Services.GetRequiredService<SqliteBackups>().MarkInUse();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}

using var inUseMark = inUse;

try
{
    await app.Services.InitializeDatabaseAsync();
}
catch (SeedDataException ex)
{
    // One line an administrator can act on, instead of a stack trace; nothing was written (one transaction).
    SeedLog.SeedInvalid(app.Logger, ex.Message);
    return 1;
}

// The break-glass administrator (README): made on a migrated database, then the command ends.
if (command is ["add-admin", ..])
{
    return await OperatorCommands.AddAdminAsync(app.Services, command[1], command[2]);
}

app.UseRequestLog();
app.UseSecurityHeaders();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase),
    branch => branch.UseResponseCompression());
if (app.Environment.IsDevelopment())
{
    app.UseWebAssemblyDebugging();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// Pages get the friendly not-found page; the API keeps its own status codes (401, 403, 404 ProblemDetails), and the
// public pages and files theirs (429 with Retry-After from the rate limiter).
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRequestLocalization();

// Routing here, so a static asset (CSS, scripts, fonts: public, fingerprinted) is answered at this point with the
// headers above, without the sign-in check, authorization, rate limits or antiforgery below (ShortCircuit).
app.UseRouting();
SqlQueryCounter.UseSqlQueryCounting(app);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseRequestForgeryGuard();

app.MapStaticAssets().ShortCircuit();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapPasswordSignInEndpoints();
app.MapWindowsSignIn();
app.MapFiguresEndpoints();
app.MapPreferenceEndpoints();
app.MapPlanEndpoints();
app.MapAdminEndpoints();
app.MapEntryEndpoints();
app.MapReviewEndpoints();
app.MapThreadEndpoints();
app.MapFindingEndpoints();
app.MapNotificationEndpoints();
app.MapExportEndpoints();
app.MapDashboardEndpoints();
app.MapAssessmentEndpoints();
app.MapPublishingEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(Dashboard.Client._Imports).Assembly);

await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
