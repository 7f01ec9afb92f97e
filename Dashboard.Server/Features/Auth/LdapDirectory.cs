using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using Dashboard.Shared.Auth;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Auth;

/// <summary>
/// Active Directory (or any LDAP directory) for the sign-in form (issue 23, decision 020): the typed password is checked
/// by binding as the person over LDAPS or StartTLS, then their entry and groups are read with that same connection.
/// Nothing of the password is kept. Plain LDAP is refused unless SignIn:Ldap:AllowPlainLdap says otherwise.
/// </summary>
public sealed partial class LdapDirectory(IOptions<SignInOptions> options, ILogger<LdapDirectory> logger)
{
    public enum Answer
    {
        Found,
        WrongPassword,

        /// <summary>The directory did not answer (or its certificate was not trusted).</summary>
        Unavailable,

        /// <summary>The password was right but the directory has no entry for the name (a setting is wrong).</summary>
        NotFound,
    }

    /// <summary>A person as the directory has them: their entry's DN, name, and their groups' CNs and DNs.</summary>
    public sealed record Person(string Dn, string DisplayName, IReadOnlyList<string> Groups, string? Mail = null);

    public sealed record Result(Answer Answer, Person? Person = null, string? Problem = null);

    public const int InvalidCredentials = 49;

    public Task<Result> SignInAsync(string login, string password, CancellationToken cancellationToken) =>
        Task.Run(() => SignIn(login, password), cancellationToken);

    /// <summary>The name as the settings expect it, so one person is one person however they type it.</summary>
    public string Normalize(string typed) => Normalize(typed, options.Value.Ldap);

    /// <summary>
    /// People type their Windows name in the forms they know: 「CITY\yamada」 (the Windows sign-in form) or their
    /// address 「yamada@city.local」 while <see cref="LdapOptions.BindNameFormat"/> adds 「@city.local」 itself. Both bound
    /// as typed would fail, count toward the directory's own lockout, and (were they to succeed) make a second person
    /// here; both become 「yamada」. Lower case, as every login here.
    /// </summary>
    public static string Normalize(string typed, LdapOptions o)
    {
        var name = typed.Trim();
        var slash = name.LastIndexOf('\\');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var at = o.BindNameFormat.IndexOf("{0}@", StringComparison.Ordinal);
        if (at >= 0)
        {
            var suffix = o.BindNameFormat[(at + 3)..];
            if (suffix.Length > 1 && !suffix.Contains('{', StringComparison.Ordinal) && name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name.ToLowerInvariant();
    }

    /// <summary>Refuses settings that would send passwords in clear or could not work; null when they are sound.</summary>
    public static string? Problem(LdapOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            return null;
        }

        if (!IsKnownSecurity(o.Security))
        {
            return "SignIn:Ldap:Security は Ldaps, StartTls, None のどれかです。 / SignIn:Ldap:Security must be Ldaps, StartTls or None.";
        }

        if (string.Equals(o.Security, "None", StringComparison.OrdinalIgnoreCase) && !o.AllowPlainLdap)
        {
            return "SignIn:Ldap:Security=None はパスワードを暗号化せずに送るため、SignIn:Ldap:AllowPlainLdap=true がない限り使えません。 / Plain LDAP sends passwords in clear: set SignIn:Ldap:AllowPlainLdap=true to allow it.";
        }

        return o.GroupRoles.Values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(r => !Enum.TryParse<AppRoles>(r, true, out var role) || !RoleNames.All.Contains(role)) is { } unknown
            ? $"SignIn:Ldap:GroupRoles の役割 {unknown} は SectionStaff, Committee, Planner, Admin のどれでもありません。 / Unknown role {unknown}."
            : null;
    }

    private static bool IsKnownSecurity(string value) => value.ToUpperInvariant() is "LDAPS" or "STARTTLS" or "NONE";

    private Result SignIn(string login, string password)
    {
        var o = options.Value.Ldap;
        if (string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(login))
        {
            // An empty password is an anonymous bind, which succeeds: never a sign-in.
            return new Result(Answer.WrongPassword);
        }

        var security = o.Security.ToUpperInvariant();
        var port = o.Port > 0 ? o.Port : security == "LDAPS" ? 636 : 389;
        try
        {
            using var connection = new LdapConnection(new LdapDirectoryIdentifier(o.Host, port)) { AuthType = AuthType.Basic, Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) };
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (!string.IsNullOrWhiteSpace(o.TrustedCertificatesDirectory) && !OperatingSystem.IsWindows())
            {
                connection.SessionOptions.TrustedCertificatesDirectory = o.TrustedCertificatesDirectory;
                connection.SessionOptions.StartNewTlsSessionContext();
            }

            if (security == "LDAPS")
            {
                connection.SessionOptions.SecureSocketLayer = true;
            }
            else if (security == "STARTTLS")
            {
                // On Linux the connection is only opened by a first bind (dotnet/runtime#96988: StartTLS before it
                // fails with "server unavailable"): an anonymous bind opens it without sending anything secret, then
                // TLS starts, and only then the person's bind. If TLS does not start, this throws: no password leaves.
                if (!OperatingSystem.IsWindows())
                {
                    connection.Bind(new NetworkCredential());
                }

                connection.SessionOptions.StartTransportLayerSecurity(null);
            }

            var bindName = string.Format(System.Globalization.CultureInfo.InvariantCulture, o.BindNameFormat,
                o.BindNameFormat.Contains('=', StringComparison.Ordinal) ? EscapeDn(login.Trim()) : login.Trim());
            connection.Bind(new NetworkCredential(bindName, password));

            var filter = string.Format(System.Globalization.CultureInfo.InvariantCulture, o.UserFilter, EscapeFilter(login.Trim()));
            var people = (SearchResponse)connection.SendRequest(new SearchRequest(o.UserSearchBase, filter, SearchScope.Subtree, o.DisplayNameAttribute, "cn", o.MailAttribute));
            if (people.Entries.Count == 0)
            {
                return new Result(Answer.NotFound, Problem: $"ディレクトリに {login} の項目が見つかりません（SignIn:Ldap:UserSearchBase と UserFilter を確認してください）。");
            }

            var person = people.Entries[0];
            var name = First(person, o.DisplayNameAttribute) ?? First(person, "cn") ?? login;
            var groupFilter = string.Format(System.Globalization.CultureInfo.InvariantCulture, o.GroupFilter, EscapeFilter(person.DistinguishedName));
            var groups = (SearchResponse)connection.SendRequest(new SearchRequest(o.GroupSearchBase, groupFilter, SearchScope.Subtree, "cn"));
            var names = new List<string>();
            foreach (SearchResultEntry group in groups.Entries)
            {
                names.Add(group.DistinguishedName);
                if (First(group, "cn") is { } cn)
                {
                    names.Add(cn);
                }
            }

            return new Result(Answer.Found, new Person(person.DistinguishedName, name, names, First(person, o.MailAttribute)));
        }
        catch (LdapException ex) when (ex.ErrorCode == InvalidCredentials)
        {
            return new Result(Answer.WrongPassword);
        }
        catch (Exception ex) when (ex is LdapException or DirectoryOperationException or PlatformNotSupportedException or InvalidOperationException)
        {
            NoAnswer(logger, o.Host ?? "", port, ex.Message);
            return new Result(Answer.Unavailable, Problem: ex.Message);
        }
    }

    /// <summary>The roles and department codes the person's groups map to.</summary>
    public (AppRoles Roles, IReadOnlyList<string> Departments) Map(Person person)
    {
        var o = options.Value.Ldap;
        var roles = AppRoles.None;
        var departments = new SortedSet<string>(StringComparer.Ordinal);
        // Group names and DNs compare without case, as the directory does.
        var groups = person.Groups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, names) in o.GroupRoles.Where(m => groups.Contains(m.Key)))
        {
            foreach (var name in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                roles |= Enum.TryParse<AppRoles>(name, true, out var role) ? role : AppRoles.None;
            }
        }

        foreach (var (group, code) in o.GroupDepartments.Where(m => groups.Contains(m.Key)))
        {
            departments.Add(code.Trim());
        }

        return (roles, departments.ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The directory {Host}:{Port} did not answer: {Error}")]
    private static partial void NoAnswer(ILogger logger, string host, int port, string error);

    private static string? First(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) && entry.Attributes[attribute].Count > 0 ? entry.Attributes[attribute][0]?.ToString() : null;

    /// <summary>RFC 4515: a value inside a search filter.</summary>
    public static string EscapeFilter(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch { '\\' => @"\5c", '*' => @"\2a", '(' => @"\28", ')' => @"\29", '\0' => @"\00", _ => c.ToString() });
        }

        return text.ToString();
    }

    /// <summary>RFC 4514: a value inside a DN.</summary>
    public static string EscapeDn(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=' || (i == 0 && c is '#' or ' ') || (i == value.Length - 1 && c == ' '))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
