using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Dashboard.Server.Tests;

/// <summary>
/// A real directory for the sign-in tests (issue 23): Debian's OpenLDAP server (<c>slapd</c>, installed by test.sh)
/// with a throw-away tree in a temp folder, its own CA and server certificate made with openssl, listening on loopback
/// for LDAPS and for LDAP with StartTLS. A bind with a password over a connection without TLS is refused by the
/// server itself (<c>security simple_bind=128</c>), so a test that signs in proves the password went encrypted.
/// People and groups as a city's AD would have them, in a smaller shape.
/// </summary>
public sealed class Slapd : IAsyncLifetime
{
    public const string Suffix = "dc=city,dc=test";
    public const string Password = "Ldap-Pass-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dashboard-slapd", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int LdapsPort { get; } = InProcessSmtpServer.FreePort();

    public int LdapPort { get; } = InProcessSmtpServer.FreePort();

    /// <summary>The folder of trusted CA certificates (hashed names) the app is given.</summary>
    public string TrustedCertificates => Path.Combine(_folder, "certs");

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/slapd"))
        {
            throw new InvalidOperationException("/usr/sbin/slapd is missing: run .ci/run (test.sh installs slapd), or apt-get install -y slapd ldap-utils.");
        }

        Directory.CreateDirectory(Path.Combine(_folder, "db"));
        Directory.CreateDirectory(TrustedCertificates);
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "certs/ca.pem", "-days", "2", "-subj", "/CN=Dashboard test CA");
        await RunAsync("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        await File.WriteAllTextAsync(Path.Combine(_folder, "ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        await RunAsync("openssl", "x509", "-req", "-in", "server.csr", "-CA", "certs/ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf");
        await RunAsync("openssl", "rehash", "certs");
        await File.WriteAllTextAsync(Path.Combine(_folder, "slapd.conf"), $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            pidfile {_folder}/slapd.pid
            TLSCACertificateFile {_folder}/certs/ca.pem
            TLSCertificateFile {_folder}/server.pem
            TLSCertificateKeyFile {_folder}/server.key
            security simple_bind=128
            database mdb
            suffix "{Suffix}"
            rootdn "cn=admin,{Suffix}"
            rootpw not-used-by-the-tests
            directory {_folder}/db
            """);
        await File.WriteAllTextAsync(Path.Combine(_folder, "tree.ldif"), Tree());
        await RunAsync("/usr/sbin/slapadd", "-f", "slapd.conf", "-l", "tree.ldif");
        await StartAsync();
    }

    /// <summary>Starts (again) the directory on its ports, and waits until both answer.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/slapd")
        {
            ArgumentList = { "-f", "slapd.conf", "-h", $"ldaps://127.0.0.1:{LdapsPort}/ ldap://127.0.0.1:{LdapPort}/", "-d", "0" },
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (!(Answers(LdapsPort) && Answers(LdapPort)))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"slapd did not start (exit {(_process.HasExited ? _process.ExitCode : -1)})");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the directory, as when the domain controller is down.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The app's settings for this directory: LDAPS (or StartTLS), OpenLDAP's shapes, the city's group mapping.</summary>
    public Dictionary<string, string?> Settings(string security = "Ldaps") => new()
    {
        ["SignIn:Ldap:Host"] = "127.0.0.1",
        ["SignIn:Ldap:Port"] = (security == "Ldaps" ? LdapsPort : LdapPort).ToString(CultureInfo.InvariantCulture),
        ["SignIn:Ldap:Security"] = security,
        ["SignIn:Ldap:TrustedCertificatesDirectory"] = TrustedCertificates,
        ["SignIn:Ldap:BindNameFormat"] = $"uid={{0}},ou=people,{Suffix}",
        ["SignIn:Ldap:UserSearchBase"] = $"ou=people,{Suffix}",
        ["SignIn:Ldap:UserFilter"] = "(uid={0})",
        ["SignIn:Ldap:GroupSearchBase"] = $"ou=groups,{Suffix}",
        ["SignIn:Ldap:GroupFilter"] = "(member={0})",
        ["SignIn:Ldap:GroupRoles:dx-staff"] = "SectionStaff",
        ["SignIn:Ldap:GroupRoles:cn=dx-planners,ou=groups," + Suffix] = "Planner",
        ["SignIn:Ldap:GroupDepartments:kikaku-ka"] = "kikaku",
        ["SignIn:Ldap:GroupDepartments:kaikei-ka"] = "kaikei",
        ["SignIn:Ldap:TimeoutSeconds"] = "3",
    };

    /// <summary>
    /// 中村 is staff in 企画課 and 会計課; 小林 is a planner; 加藤 is in the directory but in no group the app maps;
    /// a group by DN and groups by CN are both mapped.
    /// </summary>
    private static string Tree() => $"""
        dn: {Suffix}
        objectClass: dcObject
        objectClass: organization
        dc: city
        o: City

        dn: ou=people,{Suffix}
        objectClass: organizationalUnit
        ou: people

        dn: ou=groups,{Suffix}
        objectClass: organizationalUnit
        ou: groups

        {Person("nakamura", "中村 三郎")}
        {Person("kobayashi", "小林 四郎")}
        {Person("kato", "加藤 五郎")}
        {Group("dx-staff", "nakamura")}
        {Group("kikaku-ka", "nakamura")}
        {Group("kaikei-ka", "nakamura")}
        {Group("dx-planners", "kobayashi")}
        {Group("shomu", "kato")}
        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Person(string uid, string name) => $"""
        dn: uid={uid},ou=people,{Suffix}
        objectClass: inetOrgPerson
        uid: {uid}
        cn: {uid}
        sn: {uid}
        displayName:: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(name))}
        mail: {uid}@city.example
        userPassword: {Password}

        """;

    private static string Group(string cn, string member) => $"""
        dn: cn={cn},ou=groups,{Suffix}
        objectClass: groupOfNames
        cn: {cn}
        member: uid={member},ou=people,{Suffix}

        """;

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
