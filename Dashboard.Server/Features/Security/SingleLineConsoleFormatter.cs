using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Security;

/// <summary>
/// The console log, one entry a line: a value a request carried (a path, a form field, a header the framework echoes
/// in a binding failure) can hold CR/LF and would otherwise forge a second log entry. Line breaks and other control
/// characters are written as escapes (\r, \n, \u0009); an exception follows its message on the same line.
/// </summary>
public sealed class SingleLineConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "single-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? "";
        if (options.CurrentValue.TimestampFormat is { } format)
        {
            textWriter.Write(DateTimeOffset.UtcNow.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        textWriter.Write(Escape(message));
        if (logEntry.Exception is { } error)
        {
            textWriter.Write(" | ");
            textWriter.Write(Escape(error.ToString()));
        }

        textWriter.Write(Environment.NewLine);
    }

    /// <summary>The text with every control character written as an escape, so it stays on one line.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Level(Microsoft.Extensions.Logging.LogLevel level) => level switch
    {
        Microsoft.Extensions.Logging.LogLevel.Trace => "trce",
        Microsoft.Extensions.Logging.LogLevel.Debug => "dbug",
        Microsoft.Extensions.Logging.LogLevel.Information => "info",
        Microsoft.Extensions.Logging.LogLevel.Warning => "warn",
        Microsoft.Extensions.Logging.LogLevel.Error => "fail",
        Microsoft.Extensions.Logging.LogLevel.Critical => "crit",
        _ => "none",
    };
}
