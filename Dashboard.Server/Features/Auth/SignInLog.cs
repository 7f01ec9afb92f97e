using System.Text;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// The sign-in log (issue 23): one row per success, failure, lockout, password, second-factor and role change. Written
/// in its own context so that a failed sign-in, which saves nothing else, is still recorded; rows past
/// SignIn:LogRetentionDays are removed on the way (once a day per instance).
/// </summary>
public sealed partial class SignInLog(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, IOptions<SignInOptions> options, ILogger<SignInLog> logger)
{
    public const int PageSize = 500;
    private long _lastPruneTicks;

    public async Task WriteAsync(string kind, string method, string loginName, int? userId, string? address, string? detail = null, string? actor = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SignInLog.Add(new SignInEvent
        {
            AtUtc = now,
            Kind = kind,
            Method = method,
            LoginName = Trim(loginName, 256) ?? "",
            UserId = userId,
            Address = Trim(address, 64),
            Detail = Trim(detail, 400),
            Actor = Trim(actor, 256),
        });
        await db.SaveChangesAsync(cancellationToken);
        Logged(logger, kind, method, userId);

        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.Ticks - last > TimeSpan.TicksPerDay && Interlocked.CompareExchange(ref _lastPruneTicks, now.Ticks, last) == last)
        {
            var cutoff = now.AddDays(-Math.Max(1, options.Value.LogRetentionDays));
            await db.SignInLog.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The person's last successful sign-in before now, for "前回のサインイン".</summary>
    public static async Task<SignInEvent?> LastSuccessAsync(DashboardDbContext db, int userId, CancellationToken cancellationToken) =>
        await db.SignInLog.AsNoTracking().Where(e => e.UserId == userId && e.Kind == SignInEventKinds.Success)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The lines a query selects, newest first.</summary>
    public static IQueryable<SignInEvent> Select(DashboardDbContext db, SignInLogQuery query)
    {
        var rows = db.SignInLog.AsNoTracking();
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(e => e.AtUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(e => e.AtUtc < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Login))
        {
            var login = query.Login.Trim().ToLowerInvariant();
            rows = rows.Where(e => e.LoginName.Contains(login));
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            rows = rows.Where(e => e.Kind == query.Kind);
        }

        return rows.OrderByDescending(e => e.Id);
    }

    /// <summary>
    /// A person's roles and departments in words for a 役割変更 line (各課の担当者 / 企画課（DX推進担当）、会計課): the log is
    /// read by the admin and by auditors from its CSV, who know the names, not the codes.
    /// </summary>
    public static string RolesText(Dashboard.Shared.Auth.AppRoles roles, IEnumerable<Department> departments)
    {
        var names = departments.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => d.Name).ToList();
        return $"{Dashboard.Shared.Auth.RoleNames.Japanese(roles)} / {(names.Count == 0 ? "担当課なし" : string.Join("、", names))}";
    }

    /// <summary>Japanese words for a kind (the page and the CSV).</summary>
    public static string KindText(string kind) => kind switch
    {
        SignInEventKinds.Success => "サインイン成功",
        SignInEventKinds.Failure => "サインイン失敗",
        SignInEventKinds.Lockout => "ロック",
        SignInEventKinds.Unlocked => "ロック解除",
        SignInEventKinds.SignOut => "サインアウト",
        SignInEventKinds.PasswordChanged => "パスワード変更",
        SignInEventKinds.TemporaryPassword => "仮パスワード発行",
        SignInEventKinds.TwoFactorEnabled => "認証アプリ登録",
        SignInEventKinds.TwoFactorReset => "認証アプリ解除",
        SignInEventKinds.RecoveryCodeUsed => "回復コード使用",
        SignInEventKinds.RoleChanged => "役割変更",
        _ => kind,
    };

    /// <summary>
    /// The log as CSV for Excel: UTF-8 with a BOM, CRLF, every field quoted, and a field that would start a formula
    /// (= + - @, tab, CR) prefixed with an apostrophe.
    /// </summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<SignInEvent> rows, Func<int?, string?> names, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync("日時（日本時間）,ログインID,氏名,方法,種類,内容,アドレス,操作者");
        await foreach (var e in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', new[]
            {
                Dashboard.Shared.Fiscal.JapanTime.Format(e.AtUtc, "yyyy-MM-dd HH:mm:ss"), e.LoginName, names(e.UserId), e.Method, KindText(e.Kind), e.Detail, e.Address, e.Actor,
            }.Select(Field)));
        }
    }

    internal static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in event {Kind} ({Method}) for user {UserId}")]
    private static partial void Logged(ILogger logger, string kind, string method, int? userId);

    private static string? Trim(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
