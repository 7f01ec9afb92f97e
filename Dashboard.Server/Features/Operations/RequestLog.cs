using System.Diagnostics;
using System.Security.Claims;

namespace Dashboard.Server.Features.Operations;

/// <summary>
/// One log line per request (issue 25, point 4): method, path (never the query string, which can carry a typed name),
/// status, duration in milliseconds and the person's numeric id, nothing else about them. Category
/// <c>Dashboard.Requests</c>, so an operator can raise or lower it alone (Logging:LogLevel:Dashboard.Requests); with
/// <c>Logging:Format=Json</c> every field is a JSON property of its own.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "Dashboard.Requests";

    /// <summary>The console as one line per entry: escaped text by default, or JSON (Logging:Format=Json) for a collector.</summary>
    public static void AddDashboardConsole(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Format"], "Json", StringComparison.OrdinalIgnoreCase))
        {
            // JSON encodes control characters, so a value from a request cannot forge a second entry here either.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
            return;
        }

        builder.Logging.AddConsole(o => o.FormatterName = Security.SingleLineConsoleFormatter.Name)
            .AddConsoleFormatter<Security.SingleLineConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
    }

    /// <summary>Times each request from here to the end of its response and writes its line.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var user = int.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (int?)null;
                    var milliseconds = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1);
                    var path = context.Request.Path.Value ?? "/";
                    Served(logger, context.Request.Method, path, context.Response.StatusCode, milliseconds, user);
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {DurationMs} ms user {UserId}")]
    private static partial void Served(ILogger logger, string method, string path, int status, double durationMs, int? userId);
}
