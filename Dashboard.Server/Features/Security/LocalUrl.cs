namespace Dashboard.Server.Features.Security;

/// <summary>What a return address is: a path on this site, somewhere else, or not an address at all.</summary>
public enum LocalUrlKind
{
    Local,
    Foreign,
    Malformed,
}

/// <summary>
/// The one rule for return addresses (sign-in, Entra challenge, language and theme switches). Browsers drop tabs and
/// line breaks from a Location and read a backslash as a slash, so <c>/&lt;TAB&gt;/evil.example</c> and
/// <c>/\evil.example</c> are scheme-relative addresses to them: any control character is malformed, and a path whose
/// second character is a slash or backslash is foreign.
/// </summary>
public static class LocalUrl
{
    public static LocalUrlKind Classify(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return LocalUrlKind.Foreign;
        }

        if (url.Any(char.IsControl))
        {
            return LocalUrlKind.Malformed;
        }

        return url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'))
            ? LocalUrlKind.Local
            : LocalUrlKind.Foreign;
    }

    /// <summary>The address when it is local, else the start page.</summary>
    public static string OrHome(string? url) => Classify(url) == LocalUrlKind.Local ? url! : "/";
}
