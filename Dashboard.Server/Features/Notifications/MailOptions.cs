namespace Dashboard.Server.Features.Notifications;

/// <summary>SMTP settings (<c>Notifications:Mail</c>). Mail is off unless <see cref="Host"/> is set; in-app notices are always on.</summary>
public sealed class MailOptions
{
    public const string Section = "Notifications:Mail";

    /// <summary>SMTP server; empty turns mail off.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto (StartTls when the server offers it).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Account, when the server needs one.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "dx-dashboard@localhost";

    /// <summary>The app's address for links in mails (e.g. https://dx.city.example.lg.jp); none when empty.</summary>
    public string? AppUrl { get; set; }

    /// <summary>Seconds to wait for the server.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The known security names.</summary>
    public static bool IsKnownSecurity(string? name) => name is "None" or "StartTls" or "SslOnConnect" or "Auto";
}

/// <summary>The reminder schedule (<c>Notifications:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Notifications:Reminders";

    /// <summary>Run the schedule at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the due date to remind departments with missing reports (default 3).</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>Days after the due date to remind them again (default 1 and 7).</summary>
    public int[]? DaysAfter { get; set; }

    /// <summary>The reminder points as (name, days from the due date), earliest first. Set, they replace the defaults.</summary>
    public IReadOnlyList<(string Name, int Offset)> Points() =>
        (DaysBefore ?? [3]).Where(d => d >= 0).Select(d => ($"before{d}", -d))
            .Concat((DaysAfter ?? [1, 7]).Where(d => d > 0).Select(d => ($"after{d}", d)))
            .Distinct().OrderBy(p => p.Item2).ToList();

    /// <summary>How often the schedule and the mail outbox are looked at.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>
    /// How long after the last reminder date a stopped server still catches up when it starts again; older quarters
    /// are not reminded any more.
    /// </summary>
    public int CatchUpDays { get; set; } = 7;
}
